package io.quarry.types;

import java.sql.Types;

/**
 * The portable kinds of column a {@link Codec} can ask for; each dialect names them in DDL
 * ({@code BIGINT}, {@code VARCHAR(64)}, {@code TIMESTAMP(6) WITH TIME ZONE}, ...).
 */
public enum SqlType {
    BOOLEAN(Types.BOOLEAN),
    SMALLINT(Types.SMALLINT),
    INTEGER(Types.INTEGER),
    BIGINT(Types.BIGINT),
    REAL(Types.REAL),
    DOUBLE(Types.DOUBLE),
    DECIMAL(Types.DECIMAL),
    CHAR(Types.CHAR),
    VARCHAR(Types.VARCHAR),
    /** Unbounded text (CLOB / TEXT). */
    TEXT(Types.VARCHAR),
    VARBINARY(Types.VARBINARY),
    DATE(Types.DATE),
    TIME(Types.TIME),
    TIMESTAMP(Types.TIMESTAMP),
    /** A point in time; stored with time zone where the database can, else as UTC. */
    TIMESTAMP_TZ(Types.TIMESTAMP_WITH_TIMEZONE),
    UUID(Types.OTHER);

    private final int jdbcType;

    SqlType(int jdbcType) {
        this.jdbcType = jdbcType;
    }

    /** The {@link java.sql.Types} constant used to bind NULL. */
    public int jdbcType() {
        return jdbcType;
    }
}
