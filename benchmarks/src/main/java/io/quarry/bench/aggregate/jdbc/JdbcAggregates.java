package io.quarry.bench.aggregate.jdbc;

import io.quarry.bench.aggregate.AggregateCheck;
import io.quarry.bench.aggregate.AggregateContender;
import io.quarry.bench.aggregate.AggregateFixture;
import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateSeed.NewHost;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateWorkload;
import io.quarry.bench.aggregate.Plain;
import io.quarry.bench.aggregate.Plain.Datacenter;
import io.quarry.bench.aggregate.Plain.Host;
import io.quarry.bench.aggregate.Plain.Tag;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The limit: hand-written statements, assembled by hand. The host read is three statements (the hosts; their
 * datacenters by {@code IN}; their tags through the join table by {@code IN}), the datacenter read two (the
 * datacenters; their hosts by {@code IN}), each a single auto-committed statement on one connection; the
 * {@code IN} lists are the shape an ORM sends for relations. The write is JDBC batches in one transaction
 * (tags, datacenters, hosts with the generated keys read back; then the join rows), at most
 * {@value #BATCH} rows per batch as in the other workloads.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class JdbcAggregates implements AggregateContender<Host, Datacenter, Datacenter> {

    /** Rows per JDBC batch, as the other workloads' raw JDBC inserts (and Quarry's default batch size). */
    private static final int BATCH = 1000;

    private DataSource pool;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        AggregateFixture fixture = AggregateFixture.start();
        start(fixture);
        AggregateCheck.check(AggregateWorkload.of(params), this, fixture);
    }

    public void start(AggregateFixture fixture) {
        pool = fixture.dataSource();
    }

    @Override
    public List<Host> hostsWithDatacenterAndTags(long maxHostId) {
        try (Connection connection = pool.getConnection()) {
            List<Host> hosts = new ArrayList<>();
            Map<Long, Host> byId = new HashMap<>();
            Map<Long, List<Host>> byDatacenter = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, hostname, ip_addr, port, datacenter_id from agg_host where id <= ? order by id")) {
                statement.setLong(1, maxHostId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Host host = new Host(result.getLong(1), result.getString(2), result.getString(3), result.getInt(4));
                        hosts.add(host);
                        byId.put(host.id, host);
                        byDatacenter.computeIfAbsent(result.getLong(5), id -> new ArrayList<>()).add(host);
                    }
                }
            }
            if (hosts.isEmpty()) {
                return hosts;
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, name, region from agg_datacenter where id in (" + marks(byDatacenter.size()) + ")")) {
                bind(statement, byDatacenter.keySet());
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Datacenter datacenter = new Datacenter(result.getLong(1), result.getString(2), result.getString(3));
                        for (Host host : byDatacenter.get(datacenter.id)) {
                            host.datacenter = datacenter;
                        }
                    }
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("select ht.host_id, t.id, t.name "
                    + "from agg_host_tag ht join agg_tag t on t.id = ht.tag_id where ht.host_id in ("
                    + marks(byId.size()) + ")")) {
                bind(statement, byId.keySet());
                Map<Long, Tag> tags = new HashMap<>();
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        long tagId = result.getLong(2);
                        Tag tag = tags.get(tagId);
                        if (tag == null) {
                            tag = new Tag(tagId, result.getString(3));
                            tags.put(tagId, tag);
                        }
                        byId.get(result.getLong(1)).tags.add(tag);
                    }
                }
            }
            return hosts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Datacenter> datacentersWithHosts(long maxDatacenterId) {
        try (Connection connection = pool.getConnection()) {
            List<Datacenter> datacenters = new ArrayList<>();
            Map<Long, Datacenter> byId = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, name, region from agg_datacenter where id <= ? order by id")) {
                statement.setLong(1, maxDatacenterId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Datacenter datacenter = new Datacenter(result.getLong(1), result.getString(2), result.getString(3));
                        datacenters.add(datacenter);
                        byId.put(datacenter.id, datacenter);
                    }
                }
            }
            if (datacenters.isEmpty()) {
                return datacenters;
            }
            try (PreparedStatement statement = connection.prepareStatement("select id, hostname, ip_addr, port, "
                    + "datacenter_id from agg_host where datacenter_id in (" + marks(byId.size()) + ") order by id")) {
                bind(statement, byId.keySet());
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        Host host = new Host(result.getLong(1), result.getString(2), result.getString(3), result.getInt(4));
                        host.datacenter = byId.get(result.getLong(5));
                        host.datacenter.hosts.add(host);
                    }
                }
            }
            return datacenters;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Datacenter> write(List<NewDatacenter> plan) {
        List<Tag> tags = new ArrayList<>();
        for (String name : AggregateSeed.newTagNames()) {
            tags.add(new Tag(null, name));
        }
        List<Datacenter> datacenters = new ArrayList<>(plan.size());
        List<Host> hosts = new ArrayList<>();
        for (NewDatacenter planned : plan) {
            Datacenter datacenter = new Datacenter(null, planned.name(), planned.region());
            for (NewHost plannedHost : planned.hosts()) {
                Host host = new Host(null, plannedHost.hostname(), plannedHost.ipAddr(), plannedHost.port());
                host.datacenter = datacenter;
                for (int tag : plannedHost.tags()) {
                    host.tags.add(tags.get(tag - 1));
                }
                datacenter.hosts.add(host);
                hosts.add(host);
            }
            datacenters.add(datacenter);
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                insert(connection, tags);
                insertDatacenters(connection, datacenters);
                insertHosts(connection, hosts);
                try (PreparedStatement statement = connection.prepareStatement(
                        "insert into agg_host_tag (host_id, tag_id) values (?, ?)")) {
                    int rows = 0;
                    for (Host host : hosts) {
                        for (Tag tag : host.tags) {
                            statement.setLong(1, host.id);
                            statement.setLong(2, tag.id);
                            statement.addBatch();
                            if (++rows % BATCH == 0) {
                                statement.executeBatch();
                            }
                        }
                    }
                    if (rows % BATCH != 0) {
                        statement.executeBatch();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return datacenters;
    }

    private static void insert(Connection connection, List<Tag> tags) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into agg_tag (name) values (?)",
                new String[] {"id"})) {
            for (Tag tag : tags) {
                statement.setString(1, tag.name);
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (Tag tag : tags) {
                    keys.next();
                    tag.id = keys.getLong(1);
                }
            }
        }
    }

    private static void insertDatacenters(Connection connection, List<Datacenter> datacenters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "insert into agg_datacenter (name, region) values (?, ?)", new String[] {"id"})) {
            for (Datacenter datacenter : datacenters) {
                statement.setString(1, datacenter.name);
                statement.setString(2, datacenter.region);
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (Datacenter datacenter : datacenters) {
                    keys.next();
                    datacenter.id = keys.getLong(1);
                }
            }
        }
    }

    private static void insertHosts(Connection connection, List<Host> hosts) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into agg_host (hostname, ip_addr, port, "
                + "datacenter_id) values (?, ?, ?, ?)", new String[] {"id"})) {
            for (Host host : hosts) {
                statement.setString(1, host.hostname);
                statement.setString(2, host.ipAddr);
                statement.setInt(3, host.port);
                statement.setLong(4, host.datacenter.id);
                statement.addBatch();
            }
            statement.executeBatch();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                for (Host host : hosts) {
                    keys.next();
                    host.id = keys.getLong(1);
                }
            }
        }
    }

    private static String marks(int count) {
        StringBuilder marks = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "?" : ", ?");
        }
        return marks.toString();
    }

    private static void bind(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        int index = 1;
        for (long id : ids) {
            statement.setLong(index++, id);
        }
    }

    @Override
    public HostView hostView(Host host) {
        return Plain.hostView(host);
    }

    @Override
    public DatacenterView datacenterView(Datacenter datacenter) {
        return Plain.datacenterView(datacenter);
    }

    @Override
    public DatacenterView writtenView(Datacenter datacenter) {
        return Plain.datacenterView(datacenter);
    }
}
