package io.quarry.types;

import io.quarry.QuarryException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores an enum by name (VARCHAR) or by ordinal (INTEGER). Names are looked up in a map built
 * once, not through {@link Enum#valueOf}. Thread-safe.
 *
 * @param <E> the enum type
 */
public final class EnumCodec<E extends Enum<E>> implements Codec<E> {

    private final Class<E> type;
    private final boolean ordinal;
    private final E[] constants;
    private final Map<String, E> byName = new HashMap<>();

    public EnumCodec(Class<E> type, boolean ordinal) {
        this.type = type;
        this.ordinal = ordinal;
        this.constants = type.getEnumConstants();
        for (E constant : constants) {
            byName.put(constant.name(), constant);
        }
    }

    @Override
    public SqlType sqlType() {
        return ordinal ? SqlType.INTEGER : SqlType.VARCHAR;
    }

    @Override
    public void bind(PreparedStatement statement, int index, E value) throws SQLException {
        if (ordinal) {
            statement.setInt(index, value.ordinal());
        } else {
            statement.setString(index, value.name());
        }
    }

    @Override
    public Object arrayElement(E value) {
        return ordinal ? (Object) value.ordinal() : value.name();
    }

    @Override
    public E read(ResultSet resultSet, int index) throws SQLException {
        if (ordinal) {
            int value = resultSet.getInt(index);
            if (resultSet.wasNull()) {
                return null;
            }
            if (value < 0 || value >= constants.length) {
                throw new QuarryException("Value " + value + " is not an ordinal of " + type.getName()
                        + " (0.." + (constants.length - 1) + ")");
            }
            return constants[value];
        }
        String name = resultSet.getString(index);
        if (name == null) {
            return null;
        }
        E constant = byName.get(name);
        if (constant == null) {
            throw new QuarryException("Value '" + name + "' is not a constant of " + type.getName() + "; known: "
                    + byName.keySet());
        }
        return constant;
    }
}
