package io.quarry.bench.aggregate;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.bench.support.BenchDatabase;
import io.quarry.bench.support.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one fork of an aggregate workload shares: the database, one pool (with the settings of every other
 * workload, {@link BenchDatabase#createPool()}) seen through a {@link CountingDataSource}, and the tables
 * {@code agg_datacenter}, {@code agg_host}, {@code agg_tag} and the join table {@code agg_host_tag} holding
 * {@link AggregateSeed}'s rows. A server keeps them between forks (fingerprint in {@code bench_meta}); rows a
 * write left are removed at the start. Independent of the host/nic data set of the other workloads, which it
 * neither loads nor touches. Thread-safe.
 */
public final class AggregateFixture {

    private static final String FINGERPRINT = "v1 datacenters=" + AggregateSeed.DATACENTERS + " hosts="
            + AggregateSeed.HOSTS + " tags=" + AggregateSeed.TAGS;

    private static AggregateFixture current;

    private final BenchDatabase db;
    private final HikariDataSource pool;
    private final CountingDataSource dataSource;

    private AggregateFixture(BenchDatabase db, HikariDataSource pool) {
        this.db = db;
        this.pool = pool;
        this.dataSource = new CountingDataSource(pool);
    }

    /** The fork's fixture, made (and its tables prepared) by the first contender that asks. */
    public static synchronized AggregateFixture start() {
        if (current == null) {
            BenchDatabase db = BenchDatabase.current();
            db.createDatabaseIfMissing();
            AggregateFixture fixture = new AggregateFixture(db, db.createPool());
            fixture.prepare();
            current = fixture;
        }
        return current;
    }

    /** Closes the pool; the next {@link #start} begins anew. */
    public static synchronized void stop() {
        if (current != null) {
            current.pool.close();
            current = null;
        }
    }

    public BenchDatabase db() {
        return db;
    }

    /** The pool every contender uses (counting only inside {@link CountingDataSource#count}). */
    public CountingDataSource dataSource() {
        return dataSource;
    }

    /** Removes what write calls stored: every row above the seeded ids. */
    public void deleteWritten() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.executeUpdate("delete from agg_host_tag where host_id > " + AggregateSeed.HOSTS);
            statement.executeUpdate("delete from agg_host where id > " + AggregateSeed.HOSTS);
            statement.executeUpdate("delete from agg_tag where id > " + AggregateSeed.TAGS);
            statement.executeUpdate("delete from agg_datacenter where id > " + AggregateSeed.DATACENTERS);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete the rows a write stored: " + e.getMessage(), e);
        }
    }

    private void prepare() {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute(Schema.createMeta(db));
            if (!FINGERPRINT.equals(fingerprint(connection))) {
                for (String sql : ddl()) {
                    statement.execute(sql);
                }
                load(connection);
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into bench_meta (name, fingerprint) values ('aggregate', ?)")) {
                    insert.setString(1, FINGERPRINT);
                    insert.executeUpdate();
                }
            } else {
                deleteWritten();
            }
            switch (db) {
                case H2 -> statement.execute("analyze");
                case MYSQL -> statement.execute("analyze table agg_datacenter, agg_host, agg_tag, agg_host_tag");
                // the writes of an earlier fork leave dead rows; autovacuum is off on the benchmark server
                case POSTGRESQL -> statement.execute("vacuum analyze agg_datacenter, agg_host, agg_tag, agg_host_tag");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare the aggregate tables on " + db.label() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String fingerprint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select fingerprint from bench_meta where name = 'aggregate'")) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private List<String> ddl() {
        String id = db == BenchDatabase.MYSQL ? "bigint not null auto_increment primary key"
                : "bigint generated by default as identity primary key";
        String options = db == BenchDatabase.MYSQL ? " engine=InnoDB default charset=utf8mb4" : "";
        List<String> ddl = new ArrayList<>(List.of(
                "delete from bench_meta where name = 'aggregate'",
                "drop table if exists agg_host_tag", "drop table if exists agg_host", "drop table if exists agg_tag",
                "drop table if exists agg_datacenter"));
        ddl.add("create table agg_datacenter (id " + id + ", name varchar(32) not null, region varchar(16) not null)"
                + options);
        ddl.add("create table agg_host (id " + id + ", hostname varchar(64) not null, ip_addr varchar(64) not null, "
                + "port int not null, datacenter_id bigint not null, "
                + "constraint fk_agg_host_datacenter foreign key (datacenter_id) references agg_datacenter (id))" + options);
        ddl.add("create index ix_agg_host_datacenter on agg_host (datacenter_id)");
        ddl.add("create table agg_tag (id " + id + ", name varchar(32) not null)" + options);
        ddl.add("create table agg_host_tag (host_id bigint not null, tag_id bigint not null, "
                + "primary key (host_id, tag_id), "
                + "constraint fk_agg_host_tag_host foreign key (host_id) references agg_host (id), "
                + "constraint fk_agg_host_tag_tag foreign key (tag_id) references agg_tag (id))" + options);
        ddl.add("create index ix_agg_host_tag_tag on agg_host_tag (tag_id)");
        return ddl;
    }

    private static void load(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement datacenters = connection.prepareStatement(
                     "insert into agg_datacenter (id, name, region) values (?, ?, ?)");
             PreparedStatement tags = connection.prepareStatement("insert into agg_tag (id, name) values (?, ?)");
             PreparedStatement hosts = connection.prepareStatement(
                     "insert into agg_host (id, hostname, ip_addr, port, datacenter_id) values (?, ?, ?, ?, ?)");
             PreparedStatement hostTags = connection.prepareStatement(
                     "insert into agg_host_tag (host_id, tag_id) values (?, ?)")) {
            for (long dc = 1; dc <= AggregateSeed.DATACENTERS; dc++) {
                datacenters.setLong(1, dc);
                datacenters.setString(2, AggregateSeed.datacenterName(dc));
                datacenters.setString(3, AggregateSeed.region(dc));
                datacenters.addBatch();
            }
            datacenters.executeBatch();
            for (long tag = 1; tag <= AggregateSeed.TAGS; tag++) {
                tags.setLong(1, tag);
                tags.setString(2, AggregateSeed.tagName(tag));
                tags.addBatch();
            }
            tags.executeBatch();
            for (long host = 1; host <= AggregateSeed.HOSTS; host++) {
                hosts.setLong(1, host);
                hosts.setString(2, AggregateSeed.hostname(host));
                hosts.setString(3, AggregateSeed.ipAddr(host));
                hosts.setInt(4, AggregateSeed.port(host));
                hosts.setLong(5, AggregateSeed.datacenterOf(host));
                hosts.addBatch();
                for (int tag : AggregateSeed.tagsOf(host)) {
                    hostTags.setLong(1, host);
                    hostTags.setLong(2, tag);
                    hostTags.addBatch();
                }
            }
            hosts.executeBatch();
            hostTags.executeBatch();
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
        // explicit ids were inserted: move the identities past them, so written rows get new ids
        try (Statement statement = connection.createStatement()) {
            for (String[] table : new String[][] {{"agg_datacenter", "" + (AggregateSeed.DATACENTERS + 1)},
                    {"agg_host", "" + (AggregateSeed.HOSTS + 1)}, {"agg_tag", "" + (AggregateSeed.TAGS + 1)}}) {
                statement.execute(restartIdentity(table[0], table[1], connection));
            }
        }
    }

    private static String restartIdentity(String table, String next, Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("mysql") || product.contains("mariadb")) {
            return "alter table " + table + " auto_increment = " + next;
        }
        return "alter table " + table + " alter column id restart with " + next;
    }
}
