package io.quarry.bench.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rows every contender reads and writes: {@value #HOSTS} hosts with ids 1..{@value #HOSTS}, two
 * network interfaces each, and, for the streaming workload, {@link #streamRows()} rows in
 * {@code host_stream}. H2 is loaded in every fork; a server keeps what it has when the fingerprint in
 * {@code bench_meta} matches, so only the first fork of a run pays for loading. Rows inserted by a
 * previous (interrupted) run are removed and the columns the write workloads change are reset, so
 * every fork starts from the same state. Not thread-safe; one per fork.
 */
public final class Dataset {

    public static final int HOSTS = 10_000;
    public static final int NICS_PER_HOST = 2;

    private static final String BASE_FINGERPRINT = "v2 hosts=" + HOSTS + " nics=" + NICS_PER_HOST;
    private static final int BATCH = 1000;
    private static final int ROWS_PER_COMMIT = 50_000;

    private final BenchDatabase db;
    private final DataSource pool;

    private Dataset(BenchDatabase db, DataSource pool) {
        this.db = db;
        this.pool = pool;
    }

    /** Rows of {@code host_stream}: one million unless {@code -Dquarry.bench.streamRows} says otherwise. */
    public static int streamRows() {
        return Integer.getInteger("quarry.bench.streamRows", 1_000_000);
    }

    /** Makes the base tables (and {@code host_stream} when {@code withStream}) hold exactly the expected rows. */
    static Dataset prepare(BenchDatabase db, DataSource pool, boolean withStream) {
        Dataset dataset = new Dataset(db, pool);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, List.of(Schema.createMeta(db)));
            if (!BASE_FINGERPRINT.equals(fingerprint(connection, "base"))) {
                execute(connection, Schema.dropBase());
                execute(connection, Schema.createBase(db));
                dataset.loadHosts(connection, "host", HOSTS);
                dataset.loadNics(connection);
                analyze(connection, db, "host", "nic");
                setFingerprint(connection, "base", BASE_FINGERPRINT);
            } else {
                dataset.deleteInsertedHosts(connection);
                resetMutableColumns(connection);
                vacuum(connection, db, "host");
            }
            String streamFingerprint = "v2 rows=" + streamRows();
            if (withStream && !streamFingerprint.equals(fingerprint(connection, "stream"))) {
                execute(connection, Schema.dropStream());
                execute(connection, Schema.createStream(db));
                dataset.loadHosts(connection, "host_stream", streamRows());
                analyze(connection, db, "host_stream");
                setFingerprint(connection, "stream", streamFingerprint);
            }
            checkIds(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the data set on " + db.label() + ": " + e.getMessage(), e);
        }
        return dataset;
    }

    /** Removes the rows the insert workloads added (their ids are above every id of the data set). */
    public void deleteInsertedHosts() {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            deleteInsertedHosts(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete inserted hosts: " + e.getMessage(), e);
        }
    }

    /**
     * Removes the rows the insert workloads added and, on PostgreSQL, the dead row versions the writes left
     * (see {@link #vacuum}): what the concurrent runs do after each write run, outside the measured time.
     */
    public void cleanUpAfterWrites() {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(true);
            deleteInsertedHosts(connection);
            vacuum(connection, db, "host");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean up after writes: " + e.getMessage(), e);
        }
    }

    private void deleteInsertedHosts(Connection connection) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from host where id > ?")) {
            delete.setLong(1, HOSTS);
            delete.executeUpdate();
        }
    }

    /** Undoes what the read-modify-write and bulk-update workloads changed (same formulas as {@link HostSeed}). */
    private static void resetMutableColumns(Connection connection) throws SQLException {
        String port = "case when mod(id, 10) = 0 then 2222 else 22 end";
        String cores = "2 + 2 * mod(id, 4)";
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("update host set port = " + port + ", cpu_cores = " + cores + " where port <> " + port
                    + " or cpu_cores <> " + cores);
        }
    }

    private void loadHosts(Connection connection, String table, int rows) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("insert into " + table + " (hostname, ip_addr, port, "
                + "datacenter, rack, os_name, cpu_cores, memory_mb, active, created_at, description) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int n = 1; n <= rows; n++) {
                Jdbc.bindHost(insert, 1, HostSeed.row(null, n));
                insert.addBatch();
                if (n % BATCH == 0 || n == rows) {
                    insert.executeBatch();
                }
                if (n % ROWS_PER_COMMIT == 0) {
                    connection.commit();
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void loadNics(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into nic (host_id, name, mac_address, speed_mbps) values (?, ?, ?, ?)")) {
            for (long hostId = 1; hostId <= HOSTS; hostId++) {
                for (int index = 0; index < NICS_PER_HOST; index++) {
                    insert.setLong(1, hostId);
                    insert.setString(2, HostSeed.nicName(index));
                    insert.setString(3, HostSeed.macAddress(hostId, index));
                    insert.setInt(4, HostSeed.speedMbps(index));
                    insert.addBatch();
                }
                if (hostId % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Host numbers are ids: true after a fresh load on every database, and checked so the sanity checks can rely on it. */
    private static void checkIds(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select count(*), min(id), max(id) from host")) {
            result.next();
            if (result.getLong(1) != HOSTS || result.getLong(2) != 1 || result.getLong(3) != HOSTS) {
                throw new IllegalStateException("Table host should hold ids 1.." + HOSTS + " but holds " + result.getLong(1)
                        + " rows with ids " + result.getLong(2) + ".." + result.getLong(3) + "; delete its row from "
                        + "bench_meta (delete from bench_meta where name = 'base') to have it reloaded");
            }
        }
    }

    private static String fingerprint(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select fingerprint from bench_meta where name = ?")) {
            select.setString(1, name);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    private static void setFingerprint(Connection connection, String name, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from bench_meta where name = ?");
             PreparedStatement insert = connection.prepareStatement("insert into bench_meta (name, fingerprint) values (?, ?)")) {
            delete.setString(1, name);
            delete.executeUpdate();
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }

    /**
     * On PostgreSQL, removes the dead row versions the write workloads left in {@code tables} (an insert fork
     * leaves about a million): with autovacuum off, or slower than the run, the next fork would read through
     * them, and a fork's time would depend on which workloads ran before it.
     */
    private static void vacuum(Connection connection, BenchDatabase db, String... tables) throws SQLException {
        if (db == BenchDatabase.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze " + String.join(", ", tables));
            }
        }
    }

    private static void analyze(Connection connection, BenchDatabase db, String... tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            switch (db) {
                case H2 -> statement.execute("analyze");
                case MYSQL -> statement.execute("analyze table " + String.join(", ", tables));
                case POSTGRESQL -> statement.execute("analyze " + String.join(", ", tables));
            }
        }
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
