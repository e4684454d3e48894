package io.quarry.sql;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarry.ConstraintViolationException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** createAll / dropAll and the schema they leave behind, on every database. */
@CrossDatabaseTest
class SchemaIT {

    @Entity
    @Table(name = "sc_host")
    @Index(columns = "ipAddr")
    @Index(columns = {"rack", "port"}, unique = true)
    static class Host {
        @Id @GeneratedValue Long id;
        @Column(nullable = false, unique = true, length = 64) String hostname;
        String ipAddr;
        int port;
        Integer rack;

        Host() {
        }

        Host(String hostname, String ipAddr, int port, Integer rack) {
            this.hostname = hostname;
            this.ipAddr = ipAddr;
            this.port = port;
            this.rack = rack;
        }
    }

    /** Reserved words as table and column names; the issue names exactly these. */
    @Entity
    @Table(name = "order")
    static class PurchaseOrder {
        @Id @GeneratedValue Long id;
        String group;
        String user;
        String key;
        String value;

        PurchaseOrder() {
        }

        PurchaseOrder(String group, String user, String key, String value) {
            this.group = group;
            this.user = user;
            this.key = key;
            this.value = value;
        }
    }

    @Entity
    @Table(name = "sc_ticket")
    static class Ticket {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Long id;
        String subject;

        Ticket() {
        }

        Ticket(String subject) {
            this.subject = subject;
        }
    }

    @Entity
    @Table(name = "sc_token")
    static class Token {
        @Id @GeneratedValue(strategy = GenerationType.UUID) java.util.UUID id;
        String label;
    }

    @Entity
    @Table(name = "sc_text_token")
    static class TextToken {
        @Id @GeneratedValue(strategy = GenerationType.UUID) String id;
        String label;
    }

    private static final Class<?>[] TABLES = {Host.class, PurchaseOrder.class, Ticket.class, Token.class, TextToken.class};

    private final TestDatabase db;
    private final Engine engine;

    SchemaIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    @BeforeEach
    void startWithoutTables() {
        engine.dropAll(TABLES);
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(TABLES);
    }

    @Test
    void detectsTheDialectFromTheConnection() {
        String expected = switch (db.name()) {
            case "mysql" -> db.isMariaDb() ? "mariadb" : "mysql";
            default -> db.name();
        };

        assertThat(engine.dialect().name()).as("on %s", db).isEqualTo(expected);
    }

    // ---- createAll / dropAll

    @Test
    void createAllTwiceCreatesNothingTheSecondTime() {
        assertThat(engine.createAll(TABLES)).as("on %s", db).containsExactly("sc_host", "order", "sc_ticket", "sc_token",
                "sc_text_token");
        assertThat(engine.createAll(TABLES)).as("on %s", db).isEmpty();

        assertThat(countRows("sc_host")).as("on %s", db).isZero();
    }

    @Test
    void createAllCreatesOnlyTheMissingTables() {
        engine.createAll(Host.class);
        insertHost("web-1", "10.0.0.1");

        assertThat(engine.createAll(Host.class, Ticket.class)).as("on %s", db).containsExactly("sc_ticket");
        assertThat(countRows("sc_host")).as("the existing table keeps its rows on %s", db).isEqualTo(1);
    }

    @Test
    void createAllRunsExactlyTheStatementsDdlShows() {
        List<String> executed = new ArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> executed.add(sql));

        engine.createAll(TABLES);

        assertThat(executed).as("on %s", db).isEqualTo(engine.ddl(TABLES));
    }

    @Test
    void dropAllDropsTablesAndSequencesAndIsSafeToRepeat() throws SQLException {
        engine.createAll(TABLES);
        assertThat(tableExists("sc_host")).as("on %s", db).isTrue();
        assertThat(tableExists("order")).as("on %s", db).isTrue();
        assertThat(tableExists("sc_ticket")).as("on %s", db).isTrue();

        engine.dropAll(TABLES);
        engine.dropAll(TABLES);

        assertThat(tableExists("sc_host")).as("on %s", db).isFalse();
        assertThat(tableExists("order")).as("on %s", db).isFalse();
        assertThat(tableExists("sc_ticket")).as("on %s", db).isFalse();
        assertThat(sequenceExists("sc_ticket_seq")).as("on %s", db).isFalse();
        assertThat(engine.createAll(TABLES)).as("on %s", db).hasSize(TABLES.length);
    }

    // ---- constraints and indexes

    @Test
    void enforcesUniqueColumnsAndNamesTheConstraint() {
        engine.createAll(Host.class);
        insertHost("web-1", "10.0.0.1");

        ConstraintViolationException error = catchThrowableOfType(ConstraintViolationException.class,
                () -> insertHost("web-1", "10.0.0.2"));

        assertThat(error).as("on %s", db).isNotNull();
        assertThat(error.isDuplicateKey()).as("on %s", db).isTrue();
        assertThat(error.getConstraintName()).as("on %s: %s", db, error.getMessage()).isEqualTo("uq_sc_host_hostname");
        assertThat(countRows("sc_host")).as("on %s", db).isEqualTo(1);
    }

    @Test
    void enforcesUniqueIndexes() {
        engine.createAll(Host.class);
        try (Session session = engine.openSession()) {
            session.add(new Host("web-1", null, 22, 4));
            session.commit();
        }

        assertThatThrownBy(() -> {
            try (Session session = engine.openSession()) {
                session.add(new Host("web-2", null, 22, 4));
                session.commit();
            }
        }).as("on %s", db).isInstanceOfSatisfying(ConstraintViolationException.class, error -> {
            assertThat(error.isDuplicateKey()).as("on %s", db).isTrue();
            assertThat(error.getConstraintName()).as("on %s: %s", db, error.getMessage()).isEqualTo("ux_sc_host_rack_port");
        });
    }

    @Test
    void enforcesNotNull() {
        engine.createAll(Host.class);

        assertThatThrownBy(() -> insertHost(null, "10.0.0.1")).as("on %s", db)
                .isInstanceOfSatisfying(ConstraintViolationException.class,
                        error -> assertThat(error.isDuplicateKey()).as("on %s", db).isFalse());
    }

    @Test
    void createsDeclaredIndexes() throws SQLException {
        engine.createAll(Host.class);

        Map<String, Boolean> uniqueByIndex = indexes("sc_host");

        assertThat(uniqueByIndex).as("on %s", db)
                .containsEntry("ix_sc_host_ip_addr", false)
                .containsEntry("ux_sc_host_rack_port", true);
    }

    // ---- reserved words

    @Test
    void reservedWordsWorkAsTableAndColumnNames() throws SQLException {
        assertThat(engine.createAll(PurchaseOrder.class)).as("on %s", db).containsExactly("order");
        try (Session session = engine.openSession()) {
            session.addAll(new PurchaseOrder("g1", "ann", "k2", "v1"), new PurchaseOrder("g1", "bob", "k1", "v2"),
                    new PurchaseOrder("g2", "ann", "k3", "v3"));
            session.commit();
        }

        try (Session session = engine.openSession()) {
            List<PurchaseOrder> orders = session.query(PurchaseOrder.class)
                    .filter(col("group").eq("g1"), col("user").startsWith("a").or(col("user").eq("bob")))
                    .orderBy(asc("key"))
                    .all();
            assertThat(orders).as("on %s", db).extracting(order -> order.value).containsExactly("v2", "v1");

            orders.get(0).value = "changed";
            session.delete(session.query(PurchaseOrder.class).filterBy("key", "k3").one());
            session.commit();
        }

        try (Session session = engine.openSession()) {
            assertThat(session.query(PurchaseOrder.class).orderBy(asc("key")).all()).as("on %s", db)
                    .extracting(order -> order.value).containsExactly("changed", "v1");
            assertThat(session.select(PurchaseOrder.class, col("user"), Sql.count()).groupBy(col("user"))
                    .orderBy(asc("user")).all()).as("on %s", db).hasSize(2);
        }
        engine.dropAll(PurchaseOrder.class);
        assertThat(tableExists("order")).as("on %s", db).isFalse();
    }

    @Test
    void quotesEveryWordTheDatabaseReserves() throws SQLException {
        List<String> reserved = reservedWords();

        assertThat(reserved).as("the database's reserved words on %s", db).isNotEmpty();
        assertThat(reserved).as("reserved on %s but left unquoted", db)
                .filteredOn(word -> engine.dialect().quote(word).equals(word))
                .isEmpty();
    }

    /** The words this server will not take as a plain column name, as it tells them. */
    private List<String> reservedWords() throws SQLException {
        List<String> words = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            switch (db.name()) {
                case "postgresql" -> {
                    try (ResultSet rs = statement.executeQuery(
                            "select word from pg_get_keywords() where catcode in ('R', 'T')")) {
                        while (rs.next()) {
                            words.add(rs.getString(1));
                        }
                    }
                }
                case "mysql" -> {
                    if (!db.isMariaDb()) {
                        try (ResultSet rs = statement.executeQuery(
                                "select lower(word) from information_schema.keywords where reserved = 1")) {
                            while (rs.next()) {
                                words.add(rs.getString(1));
                            }
                        }
                        break;
                    }
                    // MariaDB lists its keywords without saying which are reserved: ask the parser
                    List<String> keywords = new ArrayList<>();
                    try (ResultSet rs = statement.executeQuery("select lower(word) from information_schema.keywords")) {
                        while (rs.next()) {
                            keywords.add(rs.getString(1));
                        }
                    }
                    for (String word : keywords) {
                        if (!word.matches("[a-z_][a-z0-9_]*")) {
                            continue;
                        }
                        try {
                            statement.execute("create temporary table sc_keyword_probe (sc_probe_key int, " + word + " int)");
                            statement.execute("drop temporary table sc_keyword_probe");
                        } catch (SQLException e) {
                            words.add(word);
                        }
                    }
                }
                default -> words.addAll(List.of(connection.getMetaData().getSQLKeywords()
                        .toLowerCase(Locale.ROOT).split(",")));
            }
        }
        return words;
    }

    // ---- hand-written SQL

    @Test
    void handWrittenSqlNamesTablesAndColumnsPlainly() throws SQLException {
        engine.createAll(Host.class);
        insertHost("web-1", "10.0.0.1");
        try (Connection connection = db.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into sc_host (hostname, ip_addr, port) values (?, ?, ?)")) {
                insert.setString(1, "db-1");
                insert.setString(2, "10.0.0.9");
                insert.setInt(3, 5432);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("select * from sc_host where ip_addr = ?")) {
                select.setString(1, "10.0.0.1");
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).as("on %s", db).isTrue();
                    assertThat(rs.getString("hostname")).as("on %s", db).isEqualTo("web-1");
                    assertThat(rs.next()).as("on %s", db).isFalse();
                }
            }
        }

        try (Session session = engine.openSession()) {
            Host inserted = session.query(Host.class).filter(col("ipAddr").eq("10.0.0.9")).one();
            assertThat(inserted.hostname).as("a row inserted by hand reads back on %s", db).isEqualTo("db-1");
            assertThat(inserted.id).as("on %s", db).isNotNull();
        }
    }

    // ---- generated ids

    @Test
    void sequenceIdsAreAssignedInOrder() throws SQLException {
        engine.createAll(Ticket.class);
        List<Ticket> first = List.of(new Ticket("a"), new Ticket("b"), new Ticket("c"));
        Ticket later = new Ticket("d");

        try (Session session = engine.openSession()) {
            session.addAll(first);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            session.add(later);
            session.commit();
        }

        assertThat(first).as("on %s", db).extracting(ticket -> ticket.id).doesNotContainNull().isSorted()
                .doesNotHaveDuplicates();
        assertThat(later.id).as("on %s", db).isGreaterThan(first.get(2).id);
        try (Session session = engine.openSession()) {
            assertThat(session.get(Ticket.class, later.id).subject).as("on %s", db).isEqualTo("d");
        }
        if (db.name().equals("mysql")) {
            assertThat(autoIncrement("sc_ticket", "id")).as("MySQL falls back to auto_increment").isTrue();
        } else {
            assertThat(sequenceExists("sc_ticket_seq")).as("on %s", db).isTrue();
        }
    }

    @Test
    void uuidIdsAreAssignedBeforeTheInsert() {
        engine.createAll(Token.class, TextToken.class);
        Token token = new Token();
        token.label = "a";
        TextToken textToken = new TextToken();
        textToken.label = "b";

        try (Session session = engine.openSession()) {
            session.addAll(token, textToken);
            session.commit();
        }

        assertThat(token.id).as("on %s", db).isNotNull();
        assertThat(java.util.UUID.fromString(textToken.id).toString()).as("on %s", db).isEqualTo(textToken.id);
        try (Session session = engine.openSession()) {
            assertThat(session.get(Token.class, token.id).label).as("on %s", db).isEqualTo("a");
            assertThat(session.get(TextToken.class, textToken.id).label).as("on %s", db).isEqualTo("b");
        }
    }

    @Test
    void identityIdsAreAssignedToABatch() {
        engine.createAll(Host.class);
        List<Host> hosts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            hosts.add(new Host("web-" + i, "10.0.1." + i, 22, null));
        }

        try (Session session = engine.openSession()) {
            session.addAll(hosts);
            session.commit();
        }

        assertThat(hosts).as("on %s", db).extracting(host -> host.id).doesNotContainNull().doesNotHaveDuplicates();
        try (Session session = engine.openSession()) {
            for (Host host : hosts) {
                assertThat(session.get(Host.class, host.id).hostname).as("on %s", db).isEqualTo(host.hostname);
            }
        }
    }

    // ---- helpers

    private void insertHost(String hostname, String ipAddr) {
        try (Session session = engine.openSession()) {
            session.add(new Host(hostname, ipAddr, 22, null));
            session.commit();
        }
    }

    private long countRows(String table) {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from " + engine.dialect().quote(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot count the rows of " + table + " on " + db, e);
        }
    }

    /** Whether {@code table} exists; any error other than "no such table" fails the test. */
    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select count(*) from " + engine.dialect().quote(table));
            return true;
        } catch (SQLException e) {
            if (TestDatabase.isMissingTable(e)) {
                return false;
            }
            throw e;
        }
    }

    private boolean sequenceExists(String sequence) throws SQLException {
        if (db.name().equals("mysql")) {
            return false; // MySQL has no sequences; MariaDB's are not used by Quarry
        }
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from information_schema.sequences where lower(sequence_name) = ?")) {
            statement.setString(1, sequence);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private boolean autoIncrement(String table, String column) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement("select extra from information_schema.columns"
                     + " where table_schema = database() and table_name = ? and column_name = ?")) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getString(1).toLowerCase(Locale.ROOT).contains("auto_increment");
            }
        }
    }

    /** Index name (lower case) to whether it is unique, as the driver's metadata reports them. */
    private Map<String, Boolean> indexes(String table) throws SQLException {
        Map<String, Boolean> indexes = new HashMap<>();
        try (Connection connection = db.dataSource().getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String schema = db.name().equals("mysql") ? null : connection.getSchema();
            try (ResultSet rs = metadata.getIndexInfo(connection.getCatalog(), schema,
                    engine.dialect().storedName(table), false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    if (name != null) {
                        indexes.put(name.toLowerCase(Locale.ROOT), !rs.getBoolean("NON_UNIQUE"));
                    }
                }
            }
        }
        return indexes;
    }
}
