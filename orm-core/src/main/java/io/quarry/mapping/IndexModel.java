package io.quarry.mapping;

import java.util.List;

/**
 * An index of a table: its name, columns (mapped names, in order) and uniqueness. Immutable.
 *
 * @param name the index name
 * @param columns the column names
 * @param unique whether the index is unique
 */
public record IndexModel(String name, List<String> columns, boolean unique) {

    public IndexModel {
        columns = List.copyOf(columns);
    }
}
