package io.quarry.spring.actuate;

import io.quarry.session.StatementObserver;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the engine's statements did since start-up, by kind: how many ran, how many failed, their total
 * and longest time (Hibernate's statistics, for the {@code quarry} actuator endpoint). A statement observer:
 * each statement costs a small object and a few uncontended adds. Thread-safe.
 */
public final class QuarryStatementStatistics implements StatementObserver {

    private final Map<Kind, Counters> byKind = new EnumMap<>(Kind.class);

    public QuarryStatementStatistics() {
        for (Kind kind : Kind.values()) {
            byKind.put(kind, new Counters());
        }
    }

    /** The counters of one kind. */
    private static final class Counters {
        final LongAdder count = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

        void ended(long started, boolean failed) {
            long elapsed = System.nanoTime() - started;
            count.increment();
            if (failed) {
                errors.increment();
            }
            nanos.add(elapsed);
            maxNanos.accumulate(elapsed);
        }

        KindStatistics snapshot() {
            return new KindStatistics(count.sum(), errors.sum(), nanos.sum() / 1_000_000.0, maxNanos.get() / 1_000_000.0);
        }
    }

    @Override
    public Execution started(Statement statement) {
        Counters counters = byKind.get(statement.kind());
        long started = System.nanoTime();
        return new Execution() {
            @Override
            public void succeeded(long rows) {
                counters.ended(started, false);
            }

            @Override
            public void failed(Throwable error) {
                counters.ended(started, true);
            }
        };
    }

    /** The counts since start-up: totals and per kind ({@code query}, {@code stream}, ...). */
    public Statistics snapshot() {
        Map<String, KindStatistics> kinds = new LinkedHashMap<>();
        long count = 0;
        long errors = 0;
        double millis = 0;
        for (Map.Entry<Kind, Counters> entry : byKind.entrySet()) {
            KindStatistics kind = entry.getValue().snapshot();
            kinds.put(entry.getKey().name().toLowerCase(Locale.ROOT), kind);
            count += kind.count();
            errors += kind.errors();
            millis += kind.totalTimeMillis();
        }
        return new Statistics(count, errors, millis, kinds);
    }

    /**
     * The statements of the engine since start-up.
     *
     * @param count statements that ended (a stream: when closed)
     * @param errors of those, the ones that failed
     * @param totalTimeMillis their time, from before preparing to the end
     * @param byKind the same per kind
     */
    public record Statistics(long count, long errors, double totalTimeMillis, Map<String, KindStatistics> byKind) {
    }

    /** The statements of one kind: count, failures, total and longest time. */
    public record KindStatistics(long count, long errors, double totalTimeMillis, double maxTimeMillis) {
    }
}
