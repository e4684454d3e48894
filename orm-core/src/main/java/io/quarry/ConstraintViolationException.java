package io.quarry;

import java.sql.SQLException;

/**
 * A statement broke a constraint (unique, not null, foreign key, check). {@link #isDuplicateKey()}
 * tells a unique/primary key violation apart; {@link #getConstraintName()} names the constraint
 * when the driver reports it. Immutable and thread-safe.
 */
public class ConstraintViolationException extends StatementException {

    private static final long serialVersionUID = 1L;

    private final String constraintName;
    private final boolean duplicateKey;

    public ConstraintViolationException(String task, String sql, SQLException cause, String constraintName,
            boolean duplicateKey) {
        super(task, sql, cause);
        this.constraintName = constraintName;
        this.duplicateKey = duplicateKey;
    }

    /** The constraint's name as the database reports it, or {@code null} when the driver does not say. */
    public String getConstraintName() {
        return constraintName;
    }

    /** Whether a unique or primary key constraint was violated. */
    public boolean isDuplicateKey() {
        return duplicateKey;
    }
}
