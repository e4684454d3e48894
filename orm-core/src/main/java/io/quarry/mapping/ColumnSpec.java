package io.quarry.mapping;

import io.quarry.types.SqlType;

/**
 * What DDL needs to know about a column: its kind, length, precision, scale, nullability and
 * uniqueness. Immutable.
 *
 * @param sqlType the portable column kind
 * @param length maximum length of strings and binaries
 * @param precision total digits of decimals
 * @param scale digits after the point of decimals
 * @param nullable whether NULL is allowed
 * @param unique whether the column gets a UNIQUE constraint
 */
public record ColumnSpec(SqlType sqlType, int length, int precision, int scale, boolean nullable, boolean unique) {
}
