package io.quarry.dialect;

/** Where NULLs sort in an ORDER BY item. */
public enum NullOrdering {
    /** The database's default (PostgreSQL: last when ascending; MySQL and H2: first). */
    DEFAULT,
    FIRST,
    LAST
}
