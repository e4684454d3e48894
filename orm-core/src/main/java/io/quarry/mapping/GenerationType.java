package io.quarry.mapping;

/** How a generated id is produced. */
public enum GenerationType {
    /** An identity / auto-increment column; keys come back from the (batched) insert. */
    IDENTITY,
    /**
     * A database sequence ({@code <table>_seq}), fetched in one round trip per flush for all new
     * rows. MySQL has no sequences: there it falls back to IDENTITY, so code never changes.
     */
    SEQUENCE,
    /** A random {@link java.util.UUID} assigned by Quarry before the insert (UUID or String ids). */
    UUID
}
