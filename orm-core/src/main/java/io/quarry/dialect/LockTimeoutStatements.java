package io.quarry.dialect;

import java.time.Duration;

/**
 * How one database bounds the time a statement waits for a lock that another transaction holds
 * (a row lock, or a table lock such as the one DDL takes): the statement that sets the limit on a
 * connection, and, where the setting outlives the transaction, the query that reads the values in
 * force first so that they can be put back before the connection goes back to its pool. Every value
 * is a bound parameter. Rendered by the dialects, run by the session once per transaction.
 * Immutable and thread-safe.
 */
public final class LockTimeoutStatements {

    /** The largest limit PostgreSQL and H2 take: an int of milliseconds (about 24.8 days). */
    static final long MAX_MILLIS = Integer.MAX_VALUE;

    /** The largest limit both MySQL variables take: lock_wait_timeout ends at one year. */
    static final long MAX_SECONDS = 31_536_000;

    private final String read;
    private final String set;
    private final int parameters;
    private final boolean wholeSeconds;
    private final boolean textWithUnit;

    private LockTimeoutStatements(String read, String set, int parameters, boolean wholeSeconds, boolean textWithUnit) {
        this.read = read;
        this.set = set;
        this.parameters = parameters;
        this.wholeSeconds = wholeSeconds;
        this.textWithUnit = textWithUnit;
    }

    /**
     * A setting that ends with the transaction by itself (PostgreSQL's {@code set_config(..., true)},
     * {@code SET LOCAL}): nothing to read or put back. {@code set} takes the milliseconds as text
     * with their unit ({@code '500ms'}) in its one parameter.
     */
    static LockTimeoutStatements endingWithTransaction(String set) {
        return new LockTimeoutStatements(null, set, 1, false, true);
    }

    /**
     * A setting of the connection (H2, MySQL): {@code read} returns one row whose {@code parameters}
     * columns are the values in force, and {@code set} takes as many integer parameters, either the
     * new limit in each or, to put the connection back as it was, the columns {@code read} returned,
     * in order.
     */
    static LockTimeoutStatements ofConnection(String read, String set, int parameters, boolean wholeSeconds) {
        return new LockTimeoutStatements(read, set, parameters, wholeSeconds, false);
    }

    /** Whether the setting ends with the transaction, so that there is nothing to read or put back. */
    public boolean endsWithTransaction() {
        return read == null;
    }

    /** The query of one row whose columns are the values in force; {@code null} when {@link #endsWithTransaction()}. */
    public String read() {
        return read;
    }

    /** The statement that sets the limit (each parameter {@link #value}) or puts back what {@link #read()} returned. */
    public String set() {
        return set;
    }

    /** How many parameters {@link #set()} takes, and how many columns {@link #read()} returns. */
    public int parameterCount() {
        return parameters;
    }

    /**
     * The value to bind for {@code limit}: rounded up to the database's unit (whole seconds on MySQL,
     * milliseconds elsewhere), at least one unit, at most the largest limit the database takes.
     */
    public Object value(Duration limit) {
        long amount = amount(limit);
        return textWithUnit ? amount + "ms" : Integer.valueOf((int) amount);
    }

    /**
     * {@code limit} as the database applies it, for messages: {@code "500 ms"}, {@code "2 s"},
     * {@code "1 s (500 ms rounded up to whole seconds)"}.
     */
    public String describe(Duration limit) {
        long amount = amount(limit);
        String applied = amount + (wholeSeconds ? " s" : " ms");
        if (amount < unrounded(limit)) {
            return applied + " (the longest this database takes)";
        }
        boolean rounded = wholeSeconds && limit.compareTo(Duration.ofSeconds(amount)) != 0;
        return rounded ? applied + " (" + millisOf(limit) + " ms rounded up to whole seconds)" : applied;
    }

    private long amount(Duration limit) {
        return Math.min(wholeSeconds ? MAX_SECONDS : MAX_MILLIS, unrounded(limit));
    }

    /** {@code limit} rounded up to the database's unit, not yet capped. */
    private long unrounded(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("A lock timeout must be positive, got " + limit);
        }
        long millis = millisOf(limit);
        return wholeSeconds ? millis / 1000 + (millis % 1000 == 0 ? 0 : 1) : millis;
    }

    /** Whole milliseconds, rounded up; saturates instead of overflowing. */
    private static long millisOf(Duration limit) {
        try {
            Duration up = limit.plusNanos(999_999);
            return up.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
