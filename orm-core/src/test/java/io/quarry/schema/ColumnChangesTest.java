package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Id;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Table;
import io.quarry.schema.SchemaChanges.Change;
import io.quarry.sql.SchemaDdl;
import io.quarry.types.CodecRegistry;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The destructive column changes of a migration script, worked out against live tables described by hand as the
 * drivers report them, for each dialect ({@code SchemaChangesIT} runs them on the databases).
 */
class ColumnChangesTest {

    @Entity
    @Table(name = "cc_item")
    record Item(@Id Long id, @Column(length = 40) String name, @Column(nullable = false, length = 40) String code) {
    }

    private static final EntityModel<Item> MODEL = new ModelRegistry(CodecRegistry.withDefaults()).model(Item.class);

    private static LiveSchema.Column id() {
        return new LiveSchema.Column("id", Types.BIGINT, "BIGINT", 19, 0, false);
    }

    private static LiveSchema.Column varchar(String name, int size, boolean nullable) {
        return new LiveSchema.Column(name, Types.VARCHAR, "VARCHAR", size, 0, nullable);
    }

    private static LiveSchema.Table table(LiveSchema.Column... columns) {
        Map<String, LiveSchema.Column> byName = new LinkedHashMap<>();
        for (LiveSchema.Column column : columns) {
            byName.put(LiveSchema.key(column.name()), column);
        }
        return new LiveSchema.Table("cc_item", byName, List.of(), List.of());
    }

    private static List<Change> changes(Dialect dialect, LiveSchema.Table table) {
        return new ColumnChanges(dialect, new SchemaDdl(dialect)).of(MODEL, table);
    }

    @Test
    void aTableAsMappedNeedsNoChange() {
        assertThat(changes(new H2Dialect(), table(id(), varchar("name", 40, true), varchar("code", 40, false)))).isEmpty();
    }

    @Test
    void aTypeAndANullabilityChangeOfOneColumnAreTwoStatementsWhereTheDatabaseAltersThemApart() {
        List<Change> changes = changes(new PostgresDialect(), table(id(), varchar("name", 10, false),
                varchar("code", 40, false)));

        assertThat(changes).extracting(Change::sql).containsExactly(
                "alter table cc_item alter column name set data type varchar(40)",
                "alter table cc_item alter column name drop not null");
        assertThat(changes).allMatch(Change::destructive);
        assertThat(changes).extracting(Change::warning).containsExactly(
                "column cc_item.name is varchar(10) in the database, the mapping says varchar(40): changing its type"
                        + " fails or loses values that do not fit; check the data first",
                "column cc_item.name is NOT NULL in the database, the mapping allows NULL: dropping the constraint lets"
                        + " NULLs in");
    }

    @Test
    void onMySqlATypeAndANullabilityChangeOfOneColumnAreOneStatementWithBothWarnings() {
        List<Change> changes = changes(new MySqlDialect(false), table(id(), varchar("code", 10, true),
                varchar("name", 40, true)));

        assertThat(changes).extracting(Change::sql).containsExactly("alter table cc_item modify column code varchar(40) not null");
        assertThat(changes.get(0).destructive()).isTrue();
        assertThat(changes.get(0).warning()).isEqualTo("column cc_item.code is varchar(10) in the database, the mapping"
                + " says varchar(40): changing its type fails or loses values that do not fit; check the data first;"
                + " the same statement changes its nullability: it allows NULL in the database, the mapping says"
                + " NOT NULL: rows holding NULL make it fail; give them a value first");
    }

    @Test
    void onMySqlANullabilityChangeAfterAnotherColumnsTypeChangeIsAStatementOfItsOwn() {
        List<Change> changes = changes(new MySqlDialect(false), table(id(), varchar("name", 10, true),
                varchar("code", 40, true)));

        assertThat(changes).extracting(Change::sql).containsExactly("alter table cc_item modify column name varchar(40)",
                "alter table cc_item modify column code varchar(40) not null");
        assertThat(changes.get(1).warning()).isEqualTo("column cc_item.code allows NULL in the database, the mapping says"
                + " NOT NULL: rows holding NULL make it fail; give them a value first");
    }

    @Test
    void anIdIsNotNullWhateverItsSpecSays() {
        LiveSchema.Column nullableId = new LiveSchema.Column("id", Types.BIGINT, "BIGINT", 19, 0, true);

        List<Change> changes = changes(new H2Dialect(), table(nullableId, varchar("name", 40, true),
                varchar("code", 40, false)));

        assertThat(changes).extracting(Change::sql).containsExactly("alter table cc_item alter column id set not null");
    }

    @Test
    void anExtraColumnIsDroppedUnlessItsNameIsNotAPlainIdentifier() {
        List<Change> changes = changes(new H2Dialect(), table(id(), varchar("name", 40, true), varchar("code", 40, false),
                varchar("LEGACY", 10, true), varchar("odd name", 10, true)));

        assertThat(changes).containsExactly(
                new Change("alter table cc_item drop column legacy", true,
                        "column cc_item.legacy is in the database but not in the mapping; dropping it deletes its values"),
                new Change(null, true, "column cc_item.odd name is in the database but not in the mapping; its name is"
                        + " not a plain identifier, so Quarry writes no SQL for it: remove it by hand if you mean to"));
    }
}
