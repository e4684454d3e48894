package io.quarry.mapping;

/**
 * What the session does to the objects a relation reaches when it saves or deletes the object that
 * holds it (SQLAlchemy's cascades). Every relation saves by default.
 */
public enum Cascade {

    /** New objects reached through the relation are inserted with the object that holds them. */
    SAVE,

    /** Deleting the object deletes what the relation reaches (one statement per table, not per row). */
    DELETE,

    /** A one-to-many element removed from the collection is deleted, not left with a NULL foreign key. */
    DELETE_ORPHAN
}
