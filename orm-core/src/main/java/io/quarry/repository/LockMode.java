package io.quarry.repository;

import io.quarry.dialect.RowLock;

/** The row locks {@link Lock} takes, with Spring Data JPA's names and what each dialect writes. */
public enum LockMode {

    /** Others may read-lock the rows too, nobody may change them: {@code for share} (MariaDB {@code lock in share mode}). */
    PESSIMISTIC_READ(RowLock.SHARE),

    /** Nobody else may lock or change the rows; waits for rows other transactions hold: {@code for update}. */
    PESSIMISTIC_WRITE(RowLock.UPDATE),

    /** As {@link #PESSIMISTIC_WRITE}, but fails at once when a row is held: {@code for update nowait}. */
    PESSIMISTIC_WRITE_NOWAIT(RowLock.UPDATE_NOWAIT),

    /** As {@link #PESSIMISTIC_WRITE}, but passes over rows others hold: {@code for update skip locked}. */
    PESSIMISTIC_WRITE_SKIP_LOCKED(RowLock.UPDATE_SKIP_LOCKED);

    private final RowLock rowLock;

    LockMode(RowLock rowLock) {
        this.rowLock = rowLock;
    }

    /** The lock clause the dialect renders for this mode. */
    public RowLock rowLock() {
        return rowLock;
    }
}
