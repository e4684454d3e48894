package io.quarry.mapping;

/** The {@code ON DELETE} action of a foreign-key constraint: what the database does to referencing rows. */
public enum OnDelete {

    /** The delete of a referenced row fails while rows reference it (the database default). */
    NO_ACTION,

    /** Referencing rows are deleted with it. */
    CASCADE,

    /** Referencing rows get NULL in the foreign-key column (the reference must be optional). */
    SET_NULL
}
