package io.quarry.mapping.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The primitive getters of generated row readers: the typed JDBC getter, then {@code wasNull} only
 * when the value is the one JDBC returns for NULL (0, false). A NULL read into a primitive throws
 * {@link #NULL_INTO_PRIMITIVE}, on which the reader reads the row again through the codecs, whose
 * error names the column and the field. Public because generated readers live in the entities'
 * packages; not for application code. Stateless.
 */
public final class TypedGetters {

    /** Thrown, without a stack trace, for a NULL read into a primitive; never leaves Quarry. */
    public static final RuntimeException NULL_INTO_PRIMITIVE = new RuntimeException(
            "NULL read into a primitive", null, false, false) {
    };

    private TypedGetters() {
    }

    public static boolean booleanValue(ResultSet resultSet, int column) throws SQLException {
        boolean value = resultSet.getBoolean(column);
        if (!value && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Boolean booleanOrNull(ResultSet resultSet, int column) throws SQLException {
        boolean value = resultSet.getBoolean(column);
        return !value && resultSet.wasNull() ? null : Boolean.valueOf(value);
    }

    public static byte byteValue(ResultSet resultSet, int column) throws SQLException {
        byte value = resultSet.getByte(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Byte byteOrNull(ResultSet resultSet, int column) throws SQLException {
        byte value = resultSet.getByte(column);
        return value == 0 && resultSet.wasNull() ? null : Byte.valueOf(value);
    }

    public static short shortValue(ResultSet resultSet, int column) throws SQLException {
        short value = resultSet.getShort(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Short shortOrNull(ResultSet resultSet, int column) throws SQLException {
        short value = resultSet.getShort(column);
        return value == 0 && resultSet.wasNull() ? null : Short.valueOf(value);
    }

    public static int intValue(ResultSet resultSet, int column) throws SQLException {
        int value = resultSet.getInt(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Integer intOrNull(ResultSet resultSet, int column) throws SQLException {
        int value = resultSet.getInt(column);
        return value == 0 && resultSet.wasNull() ? null : Integer.valueOf(value);
    }

    public static long longValue(ResultSet resultSet, int column) throws SQLException {
        long value = resultSet.getLong(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Long longOrNull(ResultSet resultSet, int column) throws SQLException {
        long value = resultSet.getLong(column);
        return value == 0 && resultSet.wasNull() ? null : Long.valueOf(value);
    }

    public static float floatValue(ResultSet resultSet, int column) throws SQLException {
        float value = resultSet.getFloat(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Float floatOrNull(ResultSet resultSet, int column) throws SQLException {
        float value = resultSet.getFloat(column);
        return value == 0 && resultSet.wasNull() ? null : Float.valueOf(value);
    }

    public static double doubleValue(ResultSet resultSet, int column) throws SQLException {
        double value = resultSet.getDouble(column);
        if (value == 0 && resultSet.wasNull()) {
            throw NULL_INTO_PRIMITIVE;
        }
        return value;
    }

    public static Double doubleOrNull(ResultSet resultSet, int column) throws SQLException {
        double value = resultSet.getDouble(column);
        return value == 0 && resultSet.wasNull() ? null : Double.valueOf(value);
    }
}
