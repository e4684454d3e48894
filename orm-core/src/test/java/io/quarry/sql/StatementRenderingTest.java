package io.quarry.sql;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.EnumType;
import io.quarry.mapping.Enumerated;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Table;
import io.quarry.types.CodecRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact SQL text each dialect renders for selects, writes and DDL, and that values only ever
 * travel as bindings.
 */
class StatementRenderingTest {

    @Entity
    @Table(name = "r_host")
    @Index(columns = {"ipAddr", "port"})
    @Index(columns = "rack", unique = true)
    static class Host {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, unique = true, length = 64) String hostname;
        String ipAddr;
        int port;
        Integer rack;
        @Column(precision = 10, scale = 2) BigDecimal price;

        Long getId() {
            return id;
        }

        int getPort() {
            return port;
        }

        String getHostname() {
            return hostname;
        }
    }

    @Entity
    @Table(name = "r_other")
    static class Other {
        @Id Long id;
        int port;

        int getPort() {
            return port;
        }
    }

    /** Every reserved word the issue names, as table and column names. */
    @Entity
    @Table(name = "order")
    static class PurchaseOrder {
        @Id Long id;
        String group;
        String user;
        String key;
        String value;
    }

    @Entity
    @Table(name = "r_ticket")
    static class Ticket {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String subject;
    }

    enum Status { ACTIVE, RETIRED }

    @Entity
    @Table(name = "r_all_types")
    static class AllTypes {
        @Id Long id;
        boolean flag;
        short small;
        int number;
        long big;
        float floatNumber;
        double doubleNumber;
        BigDecimal amount;
        BigInteger huge;
        char letter;
        String text;
        byte[] bytes;
        LocalDate date;
        LocalTime time;
        LocalDateTime dateTime;
        Instant instant;
        OffsetDateTime offsetDateTime;
        UUID uuid;
        Status status;
        @Enumerated(EnumType.ORDINAL) Status statusOrdinal;
    }

    static Stream<Dialect> dialects() {
        return Stream.of(new H2Dialect(), new MySqlDialect(false), new MySqlDialect(true), new PostgresDialect());
    }

    /** The models and codecs of one dialect, as an engine on that database would build them. */
    private record Setup(Dialect dialect, CodecRegistry codecs, ModelRegistry models) {
        static Setup of(Dialect dialect) {
            CodecRegistry codecs = CodecRegistry.withDefaults();
            dialect.registerCodecs(codecs);
            return new Setup(dialect, codecs, new ModelRegistry(codecs));
        }

        <T> EntityModel<T> model(Class<T> type) {
            return models.model(type);
        }

        SqlStatement render(Select select) {
            return checked(select.render(dialect, codecs));
        }

        SqlStatement render(Insert insert) {
            return checked(insert.render(dialect, codecs));
        }

        SqlStatement render(Update update) {
            return checked(update.render(dialect, codecs));
        }

        SqlStatement render(Delete delete) {
            return checked(delete.render(dialect, codecs));
        }

        Select selectHost() {
            return Select.from(model(Host.class));
        }

        SqlStatement where(Predicate... predicates) {
            return render(selectHost().columns(List.of(col("id"))).where(Arrays.asList(predicates)));
        }

        /** One binding per placeholder, whatever the statement. */
        private static SqlStatement checked(SqlStatement statement) {
            assertThat(statement.sql().chars().filter(c -> c == '?').count())
                    .as("placeholders in %s", statement.sql())
                    .isEqualTo(statement.bindings().size());
            return statement;
        }
    }

    private static final String SELECT_HOST = "select id, hostname, ip_addr, port, rack, price from r_host";

    // ---- SELECT

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersSelectWithWhereOrderLimitAndOffset(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(setup.selectHost()
                .where(List.of(col("port").gt(22), col("hostname").like("web%")))
                .orderBy(List.of(col("hostname").asc(), col("id").desc()))
                .limit(10L)
                .offset(20L));

        assertThat(statement.sql()).isEqualTo(SELECT_HOST
                + " where (port > ? and hostname like ? escape '!') order by hostname asc, id desc limit ? offset ?");
        assertThat(statement.values()).containsExactly(22, "web%", 10L, 20L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersLimitAlone(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(setup.selectHost().limit(5L));

        assertThat(statement.sql()).isEqualTo(SELECT_HOST + " limit ?");
        assertThat(statement.values()).containsExactly(5L);
    }

    @Test
    void rendersOffsetAloneWithTheMySqlAllRowsIdiom() {
        String expectedMySql = SELECT_HOST + " limit 18446744073709551615 offset ?";
        String expectedOthers = SELECT_HOST + " offset ?";

        assertThat(offsetOnly(new H2Dialect())).isEqualTo(expectedOthers);
        assertThat(offsetOnly(new PostgresDialect())).isEqualTo(expectedOthers);
        assertThat(offsetOnly(new MySqlDialect(false))).isEqualTo(expectedMySql);
        assertThat(offsetOnly(new MySqlDialect(true))).isEqualTo(expectedMySql);
    }

    private static String offsetOnly(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        SqlStatement statement = setup.render(setup.selectHost().offset(3L));
        assertThat(statement.values()).containsExactly(3L);
        return statement.sql();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersSelectDistinct(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(setup.selectHost().columns(List.of(col("rack"), col("port"))).distinct(true));

        assertThat(statement.sql()).isEqualTo("select distinct rack, port from r_host");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersGroupByAndHaving(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(setup.selectHost()
                .columns(List.of(col("rack"), count(), Sql.sum(col("port")), Sql.countDistinct(col("ipAddr"))))
                .where(List.of(col("port").ge(1)))
                .groupBy(List.of(col("rack")))
                .having(List.of(count().gt(1L)))
                .orderBy(List.of(count().desc())));

        assertThat(statement.sql()).isEqualTo("select rack, count(*), sum(port), count(distinct ip_addr) from r_host"
                + " where port >= ? group by rack having count(*) > ? order by count(*) desc");
        assertThat(statement.values()).containsExactly(1, 1L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersAggregatesAndFunctions(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(setup.selectHost().columns(List.of(Sql.avg(col("port")),
                Sql.min(col("port")), Sql.max(col("port")), count(col("rack")), Sql.lower(col("hostname")),
                Sql.upper(col("hostname")))));

        assertThat(statement.sql()).isEqualTo(
                "select avg(port), min(port), max(port), count(rack), lower(hostname), upper(hostname) from r_host");
    }

    @Test
    void bindsNumbersAsTheColumnTypeAlsoThroughAggregatesAndArithmetic() {
        Setup setup = Setup.of(new H2Dialect());

        SqlStatement statement = setup.render(setup.selectHost().columns(List.of(col("rack")))
                .where(List.of(col("port").plus(1).eq(23L), Sql.lower(col("hostname")).eq("web")))
                .groupBy(List.of(col("rack")))
                .having(List.of(Sql.max(col("price")).gt(2), Sql.min(col("port")).le(5L), count().gt(1L))));

        assertThat(statement.values()).containsExactly(1, 23, "web", new BigDecimal("2"), 5, 1L);
        assertThatThrownBy(() -> setup.where(Sql.max(col("port")).gt(1.5)))
                .hasMessage("Value 1.5 (Double) does not fit max_port of Host, which is int; pass an Integer");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersForUpdate(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        assertThat(setup.render(setup.selectHost().where(List.of(col("id").eq(1L))).forUpdate(true)).sql())
                .isEqualTo(SELECT_HOST + " where id = ? for update");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void resolvesMethodReferencesToColumns(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.where(col(Host::getPort).eq(22), col(Host::getHostname).startsWith("web"));

        assertThat(statement.sql()).isEqualTo("select id from r_host where (port = ? and hostname like ? escape '!')");
    }

    @Test
    void rejectsAMethodReferenceOfAnotherEntity() {
        Setup setup = Setup.of(new H2Dialect());

        assertThatThrownBy(() -> setup.where(col(Other::getPort).eq(22)))
                .isInstanceOf(MappingException.class)
                .hasMessage("Property Other.port does not belong to Host, which this statement reads");
    }

    @Test
    void rejectsAnUnknownPropertyWithDidYouMean() {
        Setup setup = Setup.of(new H2Dialect());

        assertThatThrownBy(() -> setup.where(col("hostnme").eq("x")))
                .isInstanceOf(MappingException.class)
                .hasMessage("No property 'hostnme' in entity Host; did you mean 'hostname'?");
    }

    // ---- predicates

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersEveryComparison(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.where(col("port").eq(1), col("port").ne(2), col("port").lt(3), col("port").le(4),
                col("port").gt(5), col("port").ge(6), col("port").between(7, 8), col("port").notBetween(9, 10),
                col("port").in(11, 12), col("port").notIn(List.of(13)), col("rack").isNull(), col("rack").isNotNull());

        assertThat(statement.sql()).isEqualTo("select id from r_host where (port = ? and port <> ? and port < ?"
                + " and port <= ? and port > ? and port >= ? and port between ? and ? and port not between ? and ?"
                + " and port in (?, ?) and port not in (?) and rack is null and rack is not null)");
        assertThat(statement.values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersEqAndNeOfNullAsNullTests(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        assertThat(setup.where(col("rack").eq(null), col("rack").ne(null)).sql())
                .isEqualTo("select id from r_host where (rack is null and rack is not null)");
        Integer none = null;
        assertThat(setup.where(col("rack").eq(none)).sql()).isEqualTo("select id from r_host where rack is null");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersEveryLikeWithQuarrysEscapeAndRewritesThePattern(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.where(col("hostname").like("a%\\!"), col("hostname").like("50#%%!#_", '#'),
                col("hostname").notLike("b_"), col("hostname").notLike("c!_", '!'), col("hostname").likeIgnoreCase("WEB%!"),
                col("hostname").eqIgnoreCase("Web-1"));

        assertThat(statement.sql()).isEqualTo("select id from r_host where (hostname like ? escape '!'"
                + " and hostname like ? escape '!' and hostname not like ? escape '!' and hostname not like ? escape '!'"
                + " and lower(hostname) like lower(?) escape '!' and lower(hostname) = lower(?))");
        assertThat(statement.values()).containsExactly("a%\\!!", "50!%%!!!_", "b_", "c!_", "WEB%!!", "Web-1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void escapesUserTextInStartsWithEndsWithAndContains(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.where(col("hostname").startsWith("50%_off"), col("hostname").endsWith("a!b"),
                col("hostname").contains("it's \\ \"x\""), col("hostname").notContains("_"));

        assertThat(statement.sql()).isEqualTo("select id from r_host where (hostname like ? escape '!'"
                + " and hostname like ? escape '!' and hostname like ? escape '!' and hostname not like ? escape '!')");
        assertThat(statement.values()).containsExactly("50!%!_off%", "%a!!b", "%it's \\ \"x\"%", "%!_%");
    }

    @Test
    void rejectsUnsafeLikeEscapeCharacters() {
        for (char escape : new char[] {'\'', '\\', '"', 'a', '1', ' '}) {
            assertThatThrownBy(() -> col("hostname").like("x", escape))
                    .as("escape %s", escape)
                    .hasMessage("'" + escape + "' cannot be a LIKE escape character; use a punctuation character such as"
                            + " '!' or '#'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersEmptyInAsFalseAndEmptyNotInAsTrue(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement in = setup.where(col("port").in(List.of()));
        SqlStatement notIn = setup.where(col("port").notIn(List.of()));

        assertThat(in.sql()).isEqualTo("select id from r_host where 1 = 0");
        assertThat(notIn.sql()).isEqualTo("select id from r_host where 1 = 1");
        assertThat(in.bindings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersNestedAndOrNot(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.where(or(and(col("port").eq(22), not(col("rack").isNull())),
                not(or(col("port").lt(10), col("port").gt(100)))));

        assertThat(statement.sql()).isEqualTo("select id from r_host where ((port = ? and not (rack is null))"
                + " or not ((port < ? or port > ?)))");
        assertThat(setup.where(and(), or()).sql()).isEqualTo("select id from r_host where (1 = 1 and 1 = 0)");
        assertThat(setup.where(col("port").eq(1).and(col("port").eq(2)).or(col("port").eq(3))).sql())
                .isEqualTo("select id from r_host where ((port = ? and port = ?) or port = ?)");
    }

    @Test
    void rejectsNullComparisonsOtherThanEqAndNe() {
        assertThatThrownBy(() -> col("port").gt(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("gt(null) on port matches nothing in SQL; use isNull()/isNotNull() to test for NULL");
    }

    // ---- NULLS FIRST / LAST

    @Test
    void rendersNullsFirstAndLastNativelyOrByEmulationOnMySql() {
        String native_ = "select id from r_host order by rack asc nulls first, port desc nulls last";
        String emulated = "select id from r_host order by rack is null desc, rack asc, port is null asc, port desc";

        assertThat(nullsOrdering(new H2Dialect())).isEqualTo(native_);
        assertThat(nullsOrdering(new PostgresDialect())).isEqualTo(native_);
        assertThat(nullsOrdering(new MySqlDialect(false))).isEqualTo(emulated);
        assertThat(nullsOrdering(new MySqlDialect(true))).isEqualTo(emulated);
    }

    private static String nullsOrdering(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        return setup.render(setup.selectHost().columns(List.of(col("id")))
                .orderBy(List.of(col("rack").asc().nullsFirst(), col("port").desc().nullsLast()))).sql();
    }

    // ---- INSERT, UPDATE, DELETE

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersInsertWithoutAnUnsetGeneratedId(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        Host host = new Host();
        host.hostname = "web-1";
        host.port = 22;

        SqlStatement statement = setup.render(Insert.of(setup.model(Host.class), host));

        assertThat(statement.sql()).isEqualTo(
                "insert into r_host (hostname, ip_addr, port, rack, price) values (?, ?, ?, ?, ?)");
        assertThat(statement.values()).containsExactly("web-1", null, 22, null, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersInsertWithAnAssignedIdAndBatchPlaceholders(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        Host host = new Host();
        host.id = 7L;
        host.hostname = "web-7";
        EntityModel<Host> model = setup.model(Host.class);

        SqlStatement withValues = setup.render(Insert.of(model, host));
        SqlStatement batch = Insert.into(model, model.properties()).render(dialect, setup.codecs());

        String sql = "insert into r_host (id, hostname, ip_addr, port, rack, price) values (?, ?, ?, ?, ?, ?)";
        assertThat(withValues.sql()).isEqualTo(sql);
        assertThat(withValues.values()).containsExactly(7L, "web-7", null, 0, null, null);
        assertThat(batch.sql()).isEqualTo(sql);
        assertThat(batch.bindings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersUpdateSettingValuesAndExpressions(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement statement = setup.render(Update.table(setup.model(Host.class))
                .set(List.of(set("hostname", "web-2"), set("port", col("port").plus(1)), set("rack", null),
                        set("price", col("price").minus(new BigDecimal("0.50")))))
                .where(List.of(col("id").eq(7L))));

        assertThat(statement.sql()).isEqualTo("update r_host set hostname = ?, port = (port + ?), rack = ?,"
                + " price = (price - ?) where id = ?");
        assertThat(statement.values()).containsExactly("web-2", 1, null, new BigDecimal("0.50"), 7L);
    }

    @Test
    void rejectsUpdateWithoutAssignments() {
        Setup setup = Setup.of(new H2Dialect());

        assertThatThrownBy(() -> setup.render(Update.table(setup.model(Host.class))))
                .hasMessage("UPDATE of r_host sets no column; pass at least one set(...)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void rendersDelete(Dialect dialect) {
        Setup setup = Setup.of(dialect);

        SqlStatement all = setup.render(Delete.from(setup.model(Host.class)));
        SqlStatement some = setup.render(Delete.from(setup.model(Host.class))
                .where(List.of(or(col("rack").isNull(), col("port").ne(22)))));

        assertThat(all.sql()).isEqualTo("delete from r_host");
        assertThat(some.sql()).isEqualTo("delete from r_host where (rack is null or port <> ?)");
        assertThat(some.values()).containsExactly(22);
    }

    // ---- values stay out of the SQL text

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void valuesNeverAppearInSqlText(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        String evil = "x'); drop table r_host; --";
        int number = 987_654_321;
        EntityModel<Host> model = setup.model(Host.class);
        Host host = new Host();
        host.hostname = evil;
        host.port = number;

        List<SqlStatement> statements = new ArrayList<>();
        statements.add(setup.where(col("hostname").eq(evil), col("port").in(number, number + 1),
                col("port").between(number, number + 2), col("hostname").like(evil), col("hostname").contains(evil),
                col("hostname").eqIgnoreCase(evil)));
        statements.add(setup.render(setup.selectHost().limit(987_654_322L).offset(987_654_323L)));
        statements.add(setup.render(Insert.of(model, host)));
        statements.add(setup.render(Update.table(model).set(List.of(set("hostname", evil), set("port", col("port").plus(number))))
                .where(List.of(col("port").ne(number)))));
        statements.add(setup.render(Delete.from(model).where(List.of(col("hostname").eq(evil)))));

        for (SqlStatement statement : statements) {
            assertThat(statement.sql()).as("on %s", dialect)
                    .doesNotContain("drop table").doesNotContain("9876543").doesNotContain("'x");
            assertThat(statement.values()).as("on %s", dialect).isNotEmpty()
                    .allMatch(value -> value == null || value.toString().contains("987654") || value.toString().contains("drop table r"));
        }
    }

    // ---- identifiers

    @Test
    void quotesReservedWordsInTheCaseEachDatabaseFolds() {
        assertThat(new H2Dialect().quote("order")).isEqualTo("\"ORDER\"");
        assertThat(new PostgresDialect().quote("order")).isEqualTo("\"order\"");
        assertThat(new MySqlDialect(false).quote("order")).isEqualTo("`order`");
        assertThat(new MySqlDialect(true).quote("group")).isEqualTo("`group`");
        assertThat(new H2Dialect().quote("User")).isEqualTo("\"USER\"");
        assertThat(new PostgresDialect().quote("User")).isEqualTo("\"user\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void quotesWordsReservedOnlyByADatabaseThatTheSuiteCannotReach(Dialect dialect) {
        // MySQL 8 reserves these (MariaDB does not); PostgreSQL reserves concurrently
        for (String word : List.of("empty", "cube", "grouping", "lag", "json_table", "concurrently", "signal")) {
            assertThat(dialect.quote(word)).as("%s on %s", word, dialect).isNotEqualTo(word);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialects")
    void leavesPlainIdentifiersUnquoted(Dialect dialect) {
        assertThat(dialect.quote("ip_addr")).isEqualTo("ip_addr");
        assertThat(dialect.quote("HostGroup")).isEqualTo("HostGroup");
    }

    @Test
    void quotesOddIdentifiersAndDoublesEmbeddedQuotes() {
        assertThat(new PostgresDialect().quote("we\"ird name")).isEqualTo("\"we\"\"ird name\"");
        assertThat(new MySqlDialect(false).quote("we`ird name")).isEqualTo("`we``ird name`");
        assertThat(new H2Dialect().quote("2fast")).isEqualTo("\"2FAST\"");
    }

    @Test
    void rendersReservedWordTablesAndColumnsQuoted() {
        assertThat(reservedSelect(new H2Dialect())).isEqualTo("select id, \"GROUP\", \"USER\", \"KEY\", \"VALUE\" from \"ORDER\""
                + " where (\"GROUP\" = ? and \"USER\" like ? escape '!') order by \"KEY\" asc");
        assertThat(reservedSelect(new PostgresDialect())).isEqualTo("select id, \"group\", \"user\", \"key\", \"value\" from"
                + " \"order\" where (\"group\" = ? and \"user\" like ? escape '!') order by \"key\" asc");
        String mySql = "select id, `group`, `user`, `key`, `value` from `order` where (`group` = ? and `user` like ?"
                + " escape '!') order by `key` asc";
        assertThat(reservedSelect(new MySqlDialect(false))).isEqualTo(mySql);
        assertThat(reservedSelect(new MySqlDialect(true))).isEqualTo(mySql);
    }

    private static String reservedSelect(Dialect dialect) {
        Setup setup = Setup.of(dialect);
        return setup.render(Select.from(setup.model(PurchaseOrder.class))
                .where(List.of(col("group").eq("a"), col("user").startsWith("b")))
                .orderBy(List.of(col("key").asc()))).sql();
    }

    // ---- DDL

    @Test
    void createsTablesWithIdentityUniqueConstraintAndNumericPrecision() {
        String portable = "create table r_host (id bigint generated by default as identity not null,"
                + " hostname varchar(64) not null, ip_addr varchar(255), port integer not null, rack integer,"
                + " price numeric(10, 2), primary key (id), constraint uq_r_host_hostname unique (hostname))";
        String mySql = "create table r_host (id bigint auto_increment not null, hostname varchar(64) not null,"
                + " ip_addr varchar(255), port integer not null, rack integer, price decimal(10, 2), primary key (id),"
                + " constraint uq_r_host_hostname unique (hostname)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin";
        List<String> indexes = List.of("create index ix_r_host_ip_addr_port on r_host (ip_addr, port)",
                "create unique index ux_r_host_rack on r_host (rack)");

        assertThat(ddl(new H2Dialect(), Host.class)).isEqualTo(concat(portable, indexes));
        assertThat(ddl(new PostgresDialect(), Host.class)).isEqualTo(concat(portable, indexes));
        assertThat(ddl(new MySqlDialect(false), Host.class)).isEqualTo(concat(mySql, indexes));
        assertThat(ddl(new MySqlDialect(true), Host.class)).isEqualTo(concat(mySql, indexes));
    }

    @Test
    void createsReservedWordTablesQuoted() {
        assertThat(ddl(new H2Dialect(), PurchaseOrder.class)).containsExactly("create table \"ORDER\" (id bigint not null,"
                + " \"GROUP\" varchar(255), \"USER\" varchar(255), \"KEY\" varchar(255), \"VALUE\" varchar(255),"
                + " primary key (id))");
        assertThat(ddl(new PostgresDialect(), PurchaseOrder.class)).containsExactly("create table \"order\" (id bigint not null,"
                + " \"group\" varchar(255), \"user\" varchar(255), \"key\" varchar(255), \"value\" varchar(255),"
                + " primary key (id))");
        assertThat(ddl(new MySqlDialect(true), PurchaseOrder.class)).containsExactly("create table `order` (id bigint not null,"
                + " `group` varchar(255), `user` varchar(255), `key` varchar(255), `value` varchar(255),"
                + " primary key (id)) engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin");
        assertThat(new SchemaDdl(new H2Dialect()).drop(Setup.of(new H2Dialect()).model(PurchaseOrder.class)))
                .containsExactly("drop table if exists \"ORDER\"");
    }

    @Test
    void createsASequenceOnH2AndPostgresAndFallsBackToAutoIncrementOnMySql() {
        List<String> withSequence = List.of("create sequence if not exists r_ticket_seq start with 1 increment by 1",
                "create table r_ticket (id bigint not null, subject varchar(255), primary key (id))");

        assertThat(ddl(new H2Dialect(), Ticket.class)).isEqualTo(withSequence);
        assertThat(ddl(new PostgresDialect(), Ticket.class)).isEqualTo(withSequence);
        assertThat(ddl(new MySqlDialect(false), Ticket.class)).containsExactly("create table r_ticket (id bigint"
                + " auto_increment not null, subject varchar(255), primary key (id))"
                + " engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin");
    }

    @Test
    void cachesSequenceValuesOnDistributedPostgresEngines() {
        List<String> cached = List.of("create sequence if not exists r_ticket_seq start with 1 increment by 1 cache 100",
                "create table r_ticket (id bigint not null, subject varchar(255), primary key (id))");

        assertThat(ddl(new PostgresDialect(PostgresDialect.Flavour.COCKROACHDB), Ticket.class)).isEqualTo(cached);
        assertThat(ddl(new PostgresDialect(PostgresDialect.Flavour.YUGABYTEDB), Ticket.class)).isEqualTo(cached);
    }

    @Test
    void writesTheUpsertWithValuesWhereTheRowAliasIsRefused() {
        List<String> columns = List.of("id", "name");
        String rowAlias = "insert into t (id, name) values (?, ?) as new_row on duplicate key update name = new_row.name";
        String values = "insert into t (id, name) values (?, ?) on duplicate key update name = values(name)";

        assertThat(new MySqlDialect(MySqlDialect.Flavour.MYSQL).upsert("t", columns, List.of("id"), List.of("name")))
                .isEqualTo(rowAlias);
        for (MySqlDialect.Flavour flavour : List.of(MySqlDialect.Flavour.MARIADB, MySqlDialect.Flavour.TIDB,
                MySqlDialect.Flavour.VITESS)) {
            assertThat(new MySqlDialect(flavour).upsert("t", columns, List.of("id"), List.of("name")))
                    .as(flavour.name()).isEqualTo(values);
        }
    }

    @Test
    void dropsTheTableAndItsSequence() {
        assertThat(drop(new H2Dialect(), Ticket.class))
                .containsExactly("drop table if exists r_ticket", "drop sequence if exists r_ticket_seq");
        assertThat(drop(new PostgresDialect(), Ticket.class))
                .containsExactly("drop table if exists r_ticket", "drop sequence if exists r_ticket_seq");
        assertThat(drop(new MySqlDialect(true), Ticket.class)).containsExactly("drop table if exists r_ticket");
    }

    @Test
    void asksTheSequenceForOneValuePerRow() {
        assertThat(new H2Dialect().nextSequenceValues("r_ticket_seq"))
                .isEqualTo("select next value for r_ticket_seq from system_range(1, ?)");
        assertThat(new PostgresDialect().nextSequenceValues("r_ticket_seq"))
                .isEqualTo("select nextval('r_ticket_seq') from generate_series(1, ?)");
    }

    @Test
    void namesColumnTypesPerDialect() {
        assertThat(columnTypes(new H2Dialect())).containsExactly("id bigint not null", "flag boolean not null",
                "small smallint not null", "number integer not null", "big bigint not null",
                "float_number real not null", "double_number double precision not null", "amount numeric(38, 2)",
                "huge numeric(38, 0)", "letter char(1) not null", "text varchar(255)", "bytes varbinary", "date date",
                "time time(6)", "date_time timestamp(6)", "instant timestamp(6) with time zone",
                "offset_date_time timestamp(6) with time zone", "uuid uuid", "status varchar(255)",
                "status_ordinal integer");
        assertThat(columnTypes(new PostgresDialect())).containsExactly("id bigint not null", "flag boolean not null",
                "small smallint not null", "number integer not null", "big bigint not null",
                "float_number real not null", "double_number double precision not null", "amount numeric(38, 2)",
                "huge numeric(38, 0)", "letter char(1) not null", "text varchar(255)", "bytes bytea", "date date",
                "time time(6)", "date_time timestamp(6)", "instant timestamp(6) with time zone",
                "offset_date_time timestamp(6) with time zone", "uuid uuid", "status varchar(255)",
                "status_ordinal integer");
        assertThat(columnTypes(new MySqlDialect(true))).containsExactly("id bigint not null", "flag boolean not null",
                "small smallint not null", "number integer not null", "big bigint not null",
                "float_number float not null", "double_number double not null", "amount decimal(38, 2)",
                "huge decimal(38, 0)", "letter char(1) not null", "text varchar(255)", "bytes longblob", "date date",
                "time time(6)", "date_time datetime(6)", "instant datetime(6)", "offset_date_time datetime(6)",
                "uuid char(36)", "status varchar(255)", "status_ordinal integer");
    }

    @Test
    void shortensLongConstraintNamesKeepingThemDistinct() {
        Setup setup = Setup.of(new H2Dialect());
        EntityModel<Host> model = setup.model(Host.class);

        String name = SchemaDdl.uniqueName(model, model.property("hostname"));

        assertThat(name).isEqualTo("uq_r_host_hostname");
        assertThat(new SchemaDdl(new H2Dialect()).createIndex(model,
                new io.quarry.mapping.IndexModel("ix_" + "x".repeat(70), List.of("port"), false)))
                .matches("create index ix_x{48}_[0-9a-f]+ on r_host \\(port\\)");
    }

    private static List<String> ddl(Dialect dialect, Class<?> type) {
        return new SchemaDdl(dialect).create(Setup.of(dialect).model(type));
    }

    private static List<String> drop(Dialect dialect, Class<?> type) {
        return new SchemaDdl(dialect).drop(Setup.of(dialect).model(type));
    }

    private static List<String> columnTypes(Dialect dialect) {
        SchemaDdl ddl = new SchemaDdl(dialect);
        return Setup.of(dialect).model(AllTypes.class).properties().stream().map(ddl::columnDefinition).toList();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
