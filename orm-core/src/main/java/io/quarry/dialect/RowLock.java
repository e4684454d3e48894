package io.quarry.dialect;

/**
 * How a SELECT locks the rows it reads until the transaction ends; each dialect renders it
 * ({@code for update}, {@code for update nowait}, {@code for update skip locked}, {@code for share}).
 */
public enum RowLock {
    /** {@code for update}: wait for rows other transactions hold. */
    UPDATE,
    /** {@code for update nowait}: fail at once when a row is held (a lock failure). */
    UPDATE_NOWAIT,
    /** {@code for update skip locked}: pass over rows other transactions hold (the job-queue pattern). */
    UPDATE_SKIP_LOCKED,
    /** {@code for share}: others may read-lock the rows too, nobody may change them. */
    SHARE
}
