package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Proves that {@link CrossDatabaseTest} reaches every selected database with a working pool. */
@CrossDatabaseTest
class CrossDatabaseSmokeIT {

    private static final String TABLE = "quarry_smoke";
    private static final String CHILD_TABLE = "quarry_smoke_child";

    private final TestDatabase db;

    CrossDatabaseSmokeIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTable() {
        db.dropTablesQuietly(CHILD_TABLE, TABLE);
    }

    @Test
    void selectOne() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void createInsertSelectDropRoundTrip() throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists " + TABLE);
                statement.execute("create table " + TABLE + " (id integer primary key, name varchar(40) not null)");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into " + TABLE + " (id, name) values (?, ?)")) {
                List<String> stones = List.of("granite", "marble");
                for (int i = 0; i < stones.size(); i++) {
                    insert.setInt(1, i + 1);
                    insert.setString(2, stones.get(i));
                    insert.executeUpdate();
                }
            }
            List<String> names = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("select name from " + TABLE + " order by id")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            assertThat(names).containsExactly("granite", "marble");
        }
        assertThat(tableExists(TABLE)).as("%s on %s before dropTablesQuietly", TABLE, db).isTrue();

        db.dropTablesQuietly(TABLE);

        assertThat(tableExists(TABLE)).as("%s still exists on %s after dropTablesQuietly", TABLE, db).isFalse();
    }

    @Test
    void dropTablesQuietlyIgnoresMissingTablesAndForeignKeys() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table " + TABLE + " (id integer primary key)");
            statement.execute("create table " + CHILD_TABLE + " (id integer primary key, parent_id integer,"
                    + " foreign key (parent_id) references " + TABLE + " (id))");
        }

        assertThat(tableExists(TABLE)).as("%s on %s before dropping", TABLE, db).isTrue();
        assertThat(tableExists(CHILD_TABLE)).as("%s on %s before dropping", CHILD_TABLE, db).isTrue();

        // Parent first, on purpose: the helper must cope with the foreign key in the way.
        db.dropTablesQuietly("quarry_no_such_table", TABLE, CHILD_TABLE);

        assertThat(tableExists(TABLE)).as("%s on %s", TABLE, db).isFalse();
        assertThat(tableExists(CHILD_TABLE)).as("%s on %s", CHILD_TABLE, db).isFalse();
    }

    @Test
    void lockWaitsOfPooledConnectionsAreBoundedSoNoTestCanHangTheBuild() throws SQLException {
        String sql = switch (db.name()) {
            case "mysql" -> "select @@session.lock_wait_timeout";
            case "postgresql" -> "select current_setting('lock_timeout')";
            default -> null; // H2: its own LOCK_TIMEOUT
        };
        if (sql == null) {
            return;
        }
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            assertThat(rs.getString(1)).as("lock wait limit on %s", db).isIn("120", "2min");
        }
    }

    @Test
    void poolIsSharedPerDatabase() {
        assertThat(db.dataSource()).isSameAs(TestDatabases.named(db.name()).dataSource());
    }

    @Test
    void onlyTheMysqlDatabaseCanBeMariaDbAndThenIsWhatTheServerRuns() throws SQLException {
        if (!db.name().equals("mysql")) {
            assertThat(db.isMariaDb()).isFalse();
        } else {
            // asked another way than isMariaDb() does: a function only MariaDB has
            assertThat(db.isMariaDb()).as("isMariaDb() on %s", db).isEqualTo(hasMariaDbOnlyFunction());
        }
    }

    private boolean hasMariaDbOnlyFunction() throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeQuery("select json_detailed('[1]')").close();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1305) { // ER_SP_DOES_NOT_EXIST: MySQL has no such function
                return false;
            }
            throw e;
        }
    }

    /** Whether {@code table} exists; any error other than "no such table" fails the test. */
    private boolean tableExists(String table) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("select count(*) from " + table);
            return true;
        } catch (SQLException e) {
            if (TestDatabase.isMissingTable(e)) {
                return false;
            }
            throw e;
        }
    }
}
