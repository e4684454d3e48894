package io.quarry.spring.boot;

/** What Quarry does with the schema at start-up ({@code quarry.ddl-auto}). */
public enum DdlAuto {
    /** Leave the schema alone (the default for a server database). */
    NONE,
    /** Create the tables that do not exist yet (the default for an embedded database). */
    CREATE,
    /** Create missing tables at start-up and drop the mapped tables at shutdown. */
    CREATE_DROP,
    /** Drop the mapped tables, then create them: a fresh, empty schema at every start. */
    DROP_CREATE,
    /** Compare the mapping with the live schema and refuse to start when they differ. */
    VALIDATE,
    /** Add missing tables, columns and indexes; never drop anything. */
    UPDATE
}
