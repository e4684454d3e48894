package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.IndexModel;
import io.quarry.mapping.OnDelete;
import io.quarry.mapping.RelationModel;
import io.quarry.mapping.PropertyModel;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The DDL of an entity for one dialect: CREATE TABLE with primary key, identity, NOT NULL,
 * named UNIQUE constraints, lengths, precision and scale; its indexes and sequence; and the
 * matching DROP statements. Stateless.
 */
public final class SchemaDdl {

    private static final String NOT_NULL = " not null";

    private static final int MAX_NAME = 60;

    private final Dialect dialect;

    public SchemaDdl(Dialect dialect) {
        this.dialect = dialect;
    }

    /** CREATE SEQUENCE (if any), CREATE TABLE, then CREATE INDEX statements. */
    public List<String> create(EntityModel<?> model) {
        List<String> statements = new ArrayList<>();
        if (usesSequence(model)) {
            statements.add(dialect.createSequence(model.sequenceName()));
        }
        statements.add(createTable(model));
        for (IndexModel index : model.indexes()) {
            statements.add(createIndex(model, index));
        }
        for (PropertyModel property : model.properties()) {
            if (property.reference() != null && !coveredByIndex(model, property)) {
                statements.add(createForeignKeyIndex(model, property));
            }
        }
        return statements;
    }

    /**
     * CREATE TABLE of an owning many-to-many's join table: the two key columns, NOT NULL, as its
     * primary key (owner first), and an index on the element column (the key covers the owner's).
     */
    public List<String> createJoinTable(RelationModel relation) {
        RelationModel.JoinTable join = relation.joinTable();
        String table = dialect.quote(join.table());
        String create = "create table " + table + " (" + dialect.quote(join.ownerColumn()) + " "
                + dialect.typeName(join.ownerSpec()) + NOT_NULL + ", " + dialect.quote(join.targetColumn()) + " "
                + dialect.typeName(join.targetSpec()) + NOT_NULL + ", primary key (" + dialect.quote(join.ownerColumn())
                + ", " + dialect.quote(join.targetColumn()) + "))" + dialect.tableOptions();
        String index = "create index " + dialect.quote(shorten("ix_" + join.table() + "_" + join.targetColumn())) + " on "
                + table + " (" + dialect.quote(join.targetColumn()) + ")";
        return List.of(create, index);
    }

    /** The index on a reference's foreign-key column (PostgreSQL and H2 create none for a constraint). */
    public String createForeignKeyIndex(EntityModel<?> model, PropertyModel foreignKey) {
        return "create index "
                + dialect.quote(shorten("ix_" + model.table() + "_" + foreignKey.column())) + " on "
                + dialect.quote(model.table()) + " (" + dialect.quote(foreignKey.column()) + ")";
    }

    /**
     * ALTER TABLE that adds the named foreign-key constraint of {@code foreignKey} to {@code target}'s
     * id, with its ON DELETE action. Added after every table exists, so cycles and self-references work.
     */
    public String addForeignKey(EntityModel<?> model, PropertyModel foreignKey, EntityModel<?> target) {
        return addForeignKey(model.table(), foreignKeyName(model.table(), foreignKey.column()), foreignKey.column(),
                target, foreignKey.reference().onDelete());
    }

    /** The two foreign keys of a join table, each deleting the join rows with the row it refers to. */
    public List<String> addJoinTableForeignKeys(RelationModel relation, EntityModel<?> owner, EntityModel<?> target) {
        RelationModel.JoinTable join = relation.joinTable();
        return List.of(
                addForeignKey(join.table(), foreignKeyName(join.table(), join.ownerColumn()), join.ownerColumn(), owner,
                        OnDelete.CASCADE),
                addForeignKey(join.table(), foreignKeyName(join.table(), join.targetColumn()), join.targetColumn(), target,
                        OnDelete.CASCADE));
    }

    private String addForeignKey(String table, String name, String column, EntityModel<?> target, OnDelete onDelete) {
        String action = switch (onDelete) {
            case NO_ACTION -> "";
            case CASCADE -> " on delete cascade";
            case SET_NULL -> " on delete set null";
        };
        return "alter table " + dialect.quote(table) + " add constraint " + dialect.quote(name) + " foreign key ("
                + dialect.quote(column) + ") references " + dialect.quote(target.table()) + " ("
                + dialect.quote(target.id().column()) + ")" + action;
    }

    /** ALTER TABLE that drops the foreign-key constraint {@code name} of {@code table}. */
    public String dropForeignKey(String table, String name) {
        return "alter table " + dialect.quote(table) + " " + dialect.dropForeignKeyClause() + " " + dialect.quote(name);
    }

    /** The name of the foreign-key constraint on {@code table.column}: {@code fk_<table>_<column>}. */
    public static String foreignKeyName(String table, String column) {
        return shorten("fk_" + table + "_" + column);
    }

    /** DROP TABLE "if exists" of a join table. */
    public String dropTable(String table) {
        return "drop table if exists " + dialect.quote(table);
    }

    /** DROP TABLE then DROP SEQUENCE, both "if exists". */
    public List<String> drop(EntityModel<?> model) {
        List<String> statements = new ArrayList<>();
        statements.add("drop table if exists " + dialect.quote(model.table()));
        if (usesSequence(model)) {
            statements.add(dialect.dropSequence(model.sequenceName()));
        }
        return statements;
    }

    public String createTable(EntityModel<?> model) {
        StringBuilder sql = new StringBuilder("create table ").append(dialect.quote(model.table())).append(" (");
        List<String> parts = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            parts.add(columnDefinition(property));
        }
        parts.add("primary key (" + dialect.quote(model.id().column()) + ")");
        for (PropertyModel property : model.properties()) {
            if (property.spec().unique() && !property.isId()) {
                parts.add("constraint " + dialect.quote(uniqueName(model, property)) + " unique ("
                        + dialect.quote(property.column()) + ")");
            }
        }
        sql.append(String.join(", ", parts)).append(")").append(dialect.tableOptions());
        return sql.toString();
    }

    /** The column definition as CREATE TABLE and ALTER TABLE ADD COLUMN write it. */
    public String columnDefinition(PropertyModel property) {
        String type = dialect.typeName(property.spec());
        String definition = dialect.quote(property.column()) + " ";
        if (property.isId() && property.generation() != null
                && dialect.effectiveGeneration(property.generation()) == GenerationType.IDENTITY) {
            return definition + dialect.identityColumn(type) + NOT_NULL;
        }
        return definition + type + (property.spec().nullable() ? "" : NOT_NULL);
    }

    /**
     * ALTER TABLE statements that add {@code property}'s column to an existing table, with its UNIQUE
     * constraint; {@code withoutNotNull} leaves NOT NULL off (for a table that already has rows,
     * which would have no value for it).
     */
    public List<String> addColumn(EntityModel<?> model, PropertyModel property, boolean withoutNotNull) {
        String definition = columnDefinition(property);
        if (withoutNotNull && definition.endsWith(NOT_NULL)) {
            definition = definition.substring(0, definition.length() - NOT_NULL.length());
        }
        String table = dialect.quote(model.table());
        List<String> statements = new java.util.ArrayList<>();
        statements.add("alter table " + table + " add column " + definition);
        if (property.spec().unique() && !property.isId()) {
            statements.add("alter table " + table + " add constraint " + dialect.quote(uniqueName(model, property))
                    + " unique (" + dialect.quote(property.column()) + ")");
        }
        return statements;
    }

    /**
     * ALTER TABLE that drops {@code column} of {@code table} with its values; the names come from the
     * live schema, so the caller has checked that they are plain identifiers.
     */
    public String dropColumn(String table, String column) {
        return "alter table " + dialect.quote(table) + " drop column " + dialect.quote(column);
    }

    /** ALTER TABLE that gives {@code property}'s existing column the mapped type. */
    public String alterColumnType(EntityModel<?> model, PropertyModel property) {
        return dialect.alterColumnType(model.table(), property.column(), dialect.typeName(property.spec()),
                nullable(property));
    }

    /** ALTER TABLE that gives {@code property}'s existing column the mapped nullability. */
    public String alterColumnNullability(EntityModel<?> model, PropertyModel property) {
        return dialect.alterColumnNullability(model.table(), property.column(), dialect.typeName(property.spec()),
                nullable(property));
    }

    private static boolean nullable(PropertyModel property) {
        return property.spec().nullable() && !property.isId();
    }

    public String createIndex(EntityModel<?> model, IndexModel index) {
        return "create " + (index.unique() ? "unique " : "") + "index " + dialect.quote(shorten(index.name())) + " on "
                + dialect.quote(model.table()) + " ("
                + index.columns().stream().map(dialect::quote).collect(Collectors.joining(", ")) + ")";
    }

    /** Whether a declared index or the column's UNIQUE constraint already starts with the column. */
    private static boolean coveredByIndex(EntityModel<?> model, PropertyModel property) {
        if (property.spec().unique()) {
            return true;
        }
        return model.indexes().stream().anyMatch(index -> index.columns().get(0).equalsIgnoreCase(property.column()));
    }

    /** The name of the UNIQUE constraint of a {@code @Column(unique = true)} property. */
    public static String uniqueName(EntityModel<?> model, PropertyModel property) {
        return shorten("uq_" + model.table() + "_" + property.column());
    }

    /** Whether {@code model}'s ids come from a sequence on this dialect. */
    public boolean usesSequence(EntityModel<?> model) {
        GenerationType generation = model.id().generation();
        return generation != null && dialect.effectiveGeneration(generation) == GenerationType.SEQUENCE;
    }

    private static String shorten(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        // PostgreSQL truncates at 63 and MySQL refuses beyond 64: keep names unique and short
        return name.substring(0, MAX_NAME - 9) + "_" + Integer.toHexString(name.hashCode());
    }
}
