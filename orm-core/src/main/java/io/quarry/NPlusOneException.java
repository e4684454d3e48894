package io.quarry;

/**
 * A session ran one statement shape more often than the N+1 detector allows (strict mode), which
 * usually means a loop loads related rows one parent at a time. Names the shape, how often it ran, the
 * application code that ran it, and the fix. Immutable and thread-safe.
 */
public class NPlusOneException extends QuarryException {

    private static final long serialVersionUID = 1L;

    private final String shape;
    private final int count;
    private final String caller;

    public NPlusOneException(String shape, int count, int threshold, String caller) {
        super(message(shape, count, threshold, caller));
        this.shape = shape;
        this.count = count;
        this.caller = caller;
    }

    private static String message(String shape, int count, int threshold, String caller) {
        return "N+1 queries: one session ran the same statement " + count + " times (more than the threshold of "
                + threshold + "): " + shape + "; run from " + caller + ". Load the relation with "
                + "query(...).with(...) (on a repository method: @LoadWith(\"relation\")) or fetch the rows in one query (e.g. filter with in(...)) instead of one "
                + "query per object; for a loop that is meant to be, raise the threshold or switch the detector off "
                + "for that session (SessionOptions.withNPlusOne, or quarry.n-plus-one.threshold in Spring)";
    }

    /** The statement's shape: its SQL with IN lists of parameters written {@code in (...)}. */
    public String getShape() {
        return shape;
    }

    /** How many times the session had run the shape, this time included. */
    public int getCount() {
        return count;
    }

    /** The first stack frame outside Quarry, the JDK and Spring that ran the statement. */
    public String getCaller() {
        return caller;
    }
}
