package io.quarry.mapping;

/** How an enum is stored. */
public enum EnumType {
    /** By {@link Enum#name()}, in a VARCHAR column. */
    STRING,
    /** By {@link Enum#ordinal()}, in an INTEGER column; breaks if constants are reordered. */
    ORDINAL
}
