package io.quarry.session;

/**
 * How the N+1 detector watches a session: it counts the reads the session runs by statement shape
 * (the SQL text, IN lists of parameters of any size counting as one) and, when one shape runs more
 * than {@code threshold} times in one session, warns once (logger {@code io.quarry.NPlusOne}) or, in
 * strict mode, refuses that statement with an {@link io.quarry.NPlusOneException}. Only reads count:
 * writes of a flush go in batches, and a loop of single writes is a different fix (a bulk update).
 * Immutable.
 *
 * @param mode off, warn (the default) or strict
 * @param threshold how many runs of one shape a session may make without a report; 0 switches the
 *        detector off
 */
public record NPlusOneDetection(Mode mode, int threshold) {

    /** What the detector does when a shape runs more than the threshold allows. */
    public enum Mode {
        /** Nothing is counted. */
        OFF,
        /** A warning, once per shape per session, naming the shape, the count and the calling code. */
        WARN,
        /** The statement is refused with an {@link io.quarry.NPlusOneException} (for tests). */
        STRICT
    }

    /** Runs of one shape a session may make before the detector reports, unless configured. */
    public static final int DEFAULT_THRESHOLD = 20;

    /** Warn above {@link #DEFAULT_THRESHOLD} runs: the engine's default. */
    public static final NPlusOneDetection DEFAULT = new NPlusOneDetection(Mode.WARN, DEFAULT_THRESHOLD);

    /** No counting at all. */
    public static final NPlusOneDetection OFF = new NPlusOneDetection(Mode.OFF, 0);

    public NPlusOneDetection {
        if (mode == null) {
            throw new IllegalArgumentException("The N+1 detection mode must not be null; use Mode.OFF to switch it off");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("The N+1 threshold must not be negative, got " + threshold
                    + "; use 0 to switch the detector off");
        }
    }

    /** Warn when one shape runs more than {@code threshold} times in a session. */
    public static NPlusOneDetection warn(int threshold) {
        return new NPlusOneDetection(Mode.WARN, threshold);
    }

    /** Throw when one shape would run more than {@code threshold} times in a session. */
    public static NPlusOneDetection strict(int threshold) {
        return new NPlusOneDetection(Mode.STRICT, threshold);
    }

    /**
     * One report of a detector: a statement shape that one session ran more often than its threshold
     * allows. Carries the SQL text with {@code ?} placeholders, never values. Immutable.
     *
     * @param sql the statement's shape (its SQL text)
     * @param count the runs of it the session had made when it was reported
     * @param threshold the session's threshold
     * @param caller the first frame of the application's code that ran it
     * @param mode WARN (logged once per shape and session) or STRICT (the statement was refused)
     * @param at when it was reported
     */
    public record Finding(String sql, int count, int threshold, String caller, Mode mode, java.time.Instant at) {
    }

    /** Whether anything is counted: a mode other than OFF and a threshold above 0. */
    public boolean enabled() {
        return mode != Mode.OFF && threshold > 0;
    }
}
