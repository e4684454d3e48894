package io.quarry.mapping;

/**
 * When and how a relation is loaded. Declared per relation; each query can load more with
 * {@code with(...)} and join references with {@code withJoined(...)}.
 */
public enum Fetch {

    /**
     * With the query that loads the owners: after it, one {@code IN} query per relation for all the
     * owners it read (chunked for very long key lists), whatever their number. The default of
     * references.
     */
    SELECTIN,

    /**
     * On first access inside the session, for every object that the same query loaded at once (one
     * statement, not one per object). Collections only: a reference field cannot notice its first
     * access, so references are always loaded with the query. Access outside the session fails,
     * naming the relation and the fix. The default of collections.
     */
    LAZY,

    /**
     * In the same statement as the objects that hold it: a LEFT JOIN to the referenced table whose
     * columns follow theirs, so no statement of its own. References only (a collection would repeat
     * the rows of its owner). Applies where Quarry writes the statement that reads the owners (a
     * session query); a reference reached through another relation's {@code IN} statement, or by
     * {@code get}, loads as {@link #SELECTIN}.
     */
    JOINED
}
