package io.quarry.schema;

import io.quarry.dialect.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tables of the connection's current schema as JDBC {@link DatabaseMetaData} describes them,
 * read one table at a time. Names compare case-insensitively. Not thread-safe (it belongs to one
 * connection).
 */
final class LiveSchema {

    private final Dialect dialect;
    private final DatabaseMetaData metadata;
    private final String catalog;
    private final String schema;

    LiveSchema(Connection connection, Dialect dialect) throws SQLException {
        this.dialect = dialect;
        this.metadata = connection.getMetaData();
        this.catalog = connection.getCatalog();
        // MySQL keeps tables in catalogs (databases) and has no schemas, as Engine.tableExists knows
        this.schema = dialect.metadataSchema(connection);
    }

    /** The table called {@code name} (as mapped, unquoted), or {@code null} when it does not exist. */
    Table table(String name) throws SQLException {
        String stored = dialect.storedName(name);
        String found = null;
        try (ResultSet tables = metadata.getTables(catalog, schema, stored, new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next() && found == null) {
                // the name is a LIKE pattern: '_' matches any character
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    found = tables.getString("TABLE_NAME");
                }
            }
        }
        return found == null ? null : new Table(found, columns(found), indexes(found), foreignKeys(found));
    }

    /** The names of every table of the schema, as stored. */
    List<String> tableNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = metadata.getTables(catalog, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }

    private Map<String, Column> columns(String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getColumns(catalog, schema, table, "%")) {
            while (rows.next()) {
                if (!rows.getString("TABLE_NAME").equals(table)) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                columns.put(key(name), new Column(name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                        rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    /** Each index as its list of lower-cased column names, in index order. */
    private List<List<String>> indexes(String table) throws SQLException {
        Map<String, Map<Integer, String>> byName = new LinkedHashMap<>();
        try (ResultSet rows = metadata.getIndexInfo(catalog, schema, table, false, false)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null) {
                    byName.computeIfAbsent(index, name -> new TreeMap<>()).put((int) rows.getShort("ORDINAL_POSITION"),
                            key(column));
                }
            }
        }
        List<List<String>> indexes = new ArrayList<>();
        byName.values().forEach(columns -> indexes.add(List.copyOf(columns.values())));
        return indexes;
    }

    /** Each foreign key as "column -> referenced table", lower-cased. */
    private List<String> foreignKeys(String table) throws SQLException {
        List<String> keys = new ArrayList<>();
        try (ResultSet rows = metadata.getImportedKeys(catalog, schema, table)) {
            while (rows.next()) {
                keys.add(key(rows.getString("FKCOLUMN_NAME")) + " -> " + key(rows.getString("PKTABLE_NAME")));
            }
        }
        return keys;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A table: its name as stored, its columns by lower-cased name, its indexes and foreign keys. */
    record Table(String name, Map<String, Column> columns, List<List<String>> indexes, List<String> foreignKeys) {

        /** Whether a foreign key of {@code column} refers to {@code table}. */
        boolean hasForeignKey(String column, String table) {
            return foreignKeys.contains(key(column) + " -> " + key(table));
        }

        Column column(String mapped) {
            return columns.get(key(mapped));
        }

        boolean hasIndexOn(List<String> mappedColumns) {
            return indexes.contains(mappedColumns.stream().map(LiveSchema::key).toList());
        }
    }

    /** A column as the driver reports it. */
    record Column(String name, int jdbcType, String typeName, int size, int decimalDigits, boolean nullable) {

        String describe() {
            String type = typeName.toLowerCase(Locale.ROOT);
            return size > 0 && size < Integer.MAX_VALUE && !type.contains("(") ? type + "(" + size
                    + (decimalDigits > 0 ? ", " + decimalDigits : "") + ")" : type;
        }
    }
}
