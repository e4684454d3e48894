package io.quarry.sql;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.set;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Id;
import io.quarry.mapping.IndexModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.types.CodecRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Statement shapes the rendering test does not reach: counts over limited or distinct selects, the
 * flush's by-id statements, ALTER TABLE ADD COLUMN, name shortening at its boundary, and how
 * statements and expressions describe themselves.
 */
class StatementShapesTest {

    @Entity
    @Table(name = "s_host")
    static class Host {
        @Id Long id;
        @io.quarry.mapping.Column(nullable = false, unique = true) String hostname;
        int port;
        Integer rack;

        int getPort() {
            return port;
        }
    }

    @Entity
    @Table(name = "s_versioned")
    static class Versioned {
        @Id Long id;
        String name;
        @Version long version;
    }

    private final CodecRegistry codecs = CodecRegistry.withDefaults();
    private final ModelRegistry models = new ModelRegistry(codecs);
    private final EntityModel<Host> model = models.model(Host.class);
    private final H2Dialect h2 = new H2Dialect();

    // ---- counting

    @Test
    void countsAPlainSelectDirectlyAndDropsItsOrder() {
        Select select = Select.from(model).where(List.of(col("port").eq(22))).orderBy(List.of(col("port").asc()));

        SqlStatement counted = select.renderCount(h2, codecs);

        assertThat(counted.sql()).isEqualTo("select count(*) from s_host where port = ?");
        assertThat(counted.values()).containsExactly(22);
    }

    @Test
    void countsADistinctLimitedOrOffsetSelectAsADerivedTable() {
        Select select = Select.from(model).columns(List.of(col("rack")));
        String rows = "select count(*) from (select rack from s_host%s) counted";

        assertThat(select.distinct(true).renderCount(h2, codecs).sql())
                .isEqualTo("select count(*) from (select distinct rack from s_host) counted");
        assertThat(select.limit(3L).renderCount(h2, codecs).sql()).isEqualTo(rows.formatted(" limit ?"));
        assertThat(select.offset(4L).renderCount(h2, codecs).sql()).isEqualTo(rows.formatted(" offset ?"));
        assertThat(select.offset(4L).renderCount(h2, codecs).values()).containsExactly(4L);
    }

    // ---- WHERE with one predicate in a junction

    @Test
    void rendersAJunctionOfOnePredicateWithoutParentheses() {
        SqlStatement statement = Select.from(model).columns(List.of(col("id")))
                .where(List.of(and(col("port").eq(1)), Sql.or(col("port").eq(2)))).render(h2, codecs);

        assertThat(statement.sql()).isEqualTo("select id from s_host where (port = ? and port = ?)");
    }

    // ---- UPDATE with an expression on a method-reference column

    @Test
    void setsAColumnToAnExpressionOfItself() {
        SqlStatement statement = Update.table(model)
                .set(List.of(set(col(Host::getPort), col(Host::getPort).plus(1)), set("rack", null)))
                .render(h2, codecs);

        assertThat(statement.sql()).isEqualTo("update s_host set port = (port + ?), rack = ?");
        assertThat(statement.values()).containsExactly(1, null);
    }

    // ---- the flush's statements

    @Test
    void updatesByIdAndVersionSettingTheVersionAfterTheChangedColumns() {
        EntityModel<Versioned> versioned = models.model(Versioned.class);

        assertThat(RowWrites.updateById(h2, versioned, List.of(versioned.property("name"))))
                .isEqualTo("update s_versioned set name = ?, version = ? where id = ? and version = ?");
        assertThat(RowWrites.updateById(h2, versioned, List.of()))
                .isEqualTo("update s_versioned set version = ? where id = ? and version = ?");
        assertThat(RowWrites.updateById(h2, model, List.of(model.property("port"), model.property("rack"))))
                .isEqualTo("update s_host set port = ?, rack = ? where id = ?");
        assertThat(RowWrites.deleteById(h2, versioned)).isEqualTo("delete from s_versioned where id = ? and version = ?");
        assertThat(RowWrites.insert(h2, model, List.of(model.property("hostname"))))
                .isEqualTo("insert into s_host (hostname) values (?)");
    }

    // ---- schema changes

    @Test
    void addsAColumnWithItsUniqueConstraintAndOptionallyWithoutNotNull() {
        SchemaDdl ddl = new SchemaDdl(h2);

        assertThat(ddl.addColumn(model, model.property("hostname"), false)).containsExactly(
                "alter table s_host add column hostname varchar(255) not null",
                "alter table s_host add constraint uq_s_host_hostname unique (hostname)");
        assertThat(ddl.addColumn(model, model.property("hostname"), true)).containsExactly(
                "alter table s_host add column hostname varchar(255)",
                "alter table s_host add constraint uq_s_host_hostname unique (hostname)");
        assertThat(ddl.addColumn(model, model.property("rack"), true))
                .containsExactly("alter table s_host add column rack integer");
        assertThat(ddl.addColumn(model, model.property("port"), false))
                .containsExactly("alter table s_host add column port integer not null");
        assertThat(new SchemaDdl(new MySqlDialect(false)).addColumn(model, model.property("id"), true))
                .containsExactly("alter table s_host add column id bigint");
    }

    @Test
    void keepsNamesOfSixtyCharactersAndShortensLongerOnes() {
        SchemaDdl ddl = new SchemaDdl(h2);
        String sixty = "ix_" + "x".repeat(57);

        assertThat(ddl.createIndex(model, new IndexModel(sixty, List.of("port"), false)))
                .isEqualTo("create index " + sixty + " on s_host (port)");
        assertThat(ddl.createIndex(model, new IndexModel(sixty + "y", List.of("port"), true)))
                .matches("create unique index ix_x{48}_[0-9a-f]+ on s_host \\(port\\)");
    }

    // ---- how statements describe themselves

    @Test
    void describesStatementsAsH2SqlWithTheirValues() {
        Select select = Select.from(model).columns(List.of(col("id"))).where(List.of(col("port").eq(22)));
        Host host = new Host();
        host.id = 1L;
        host.hostname = "web-1";

        assertThat(select).hasToString("select id from s_host where port = ? [22]");
        assertThat(Select.from(model).columns(List.of(col("id")))).hasToString("select id from s_host");
        assertThat(Insert.of(model, host))
                .hasToString("insert into s_host (id, hostname, port, rack) values (?, ?, ?, ?) [1, web-1, 0, null]");
        assertThat(Update.table(model).set(List.of(set("rack", 3))))
                .hasToString("update s_host set rack = ? [3]");
        assertThat(Delete.from(model).where(List.of(col("rack").isNull())))
                .hasToString("delete from s_host where rack is null");
    }

    @Test
    void describesExpressionsOrdersAndPredicatesByLabel() {
        assertThat(count()).hasToString("count(*)");
        assertThat(count(col("port"))).hasToString("count(port)");
        assertThat(Sql.countDistinct(col("port"))).hasToString("count(distinct port)");
        assertThat(Sql.max(col("port")).label()).isEqualTo("max_port");
        assertThat(col("port").plus(1).label()).isEqualTo("port");
        assertThat(col("port").asc()).hasToString("port asc");
        assertThat(col("port").desc()).hasToString("port desc");
        assertThat(col("port").gt(22).label()).isEqualTo("port > 22");
        assertThat(col(Host::getPort)).hasToString("port");
    }

    @Test
    void exposesWhatAStatementWasBuiltFrom() {
        Column<Integer> byReference = col(Host::getPort);
        Column<Object> byName = col("port");
        Select select = Select.from(model).orderBy(List.of(col("port").asc())).limit(5L).offset(10L).distinct(true);
        Insert insert = Insert.into(model, List.of(model.property("port")));

        assertThat(byReference.name()).isEqualTo("port");
        assertThat(byReference.declaredOn()).isEqualTo(Host.class);
        assertThat(byName.declaredOn()).isNull();
        assertThat(select.model()).isSameAs(model);
        assertThat(select.orderBy()).extracting(Order::toString).containsExactly("port asc");
        assertThat(select.limit()).isEqualTo(5L);
        assertThat(select.offset()).isEqualTo(10L);
        assertThat(select.isDistinct()).isTrue();
        assertThat(Select.from(model).isDistinct()).isFalse();
        assertThat(insert.columns()).containsExactly(model.property("port"));
        assertThat(Update.table(model).set(List.of(set("rack", 3))).assignments())
                .extracting(assignment -> assignment.column().name() + " = " + assignment.value()).containsExactly("rack = 3");
    }

    @Test
    void returnsTheContextFromEveryAppendSoRenderingChains() {
        RenderContext context = new RenderContext(h2, codecs, model);
        @SuppressWarnings("unchecked")
        io.quarry.types.Codec<Object> longCodec = (io.quarry.types.Codec<Object>) codecs.lookup(Long.class, false);

        SqlStatement statement = context.bind(1L, longCodec).append(" + ").bind(new ValueBinding(2L, longCodec))
                .append(" limit ?").bindValueOnly(3L, longCodec).append("").toStatement();

        assertThat(statement.sql()).isEqualTo("? + ? limit ?");
        assertThat(statement.values()).containsExactly(1L, 2L, 3L);
    }
}
