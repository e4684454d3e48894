package io.quarry.bench.jdbc;

import io.quarry.bench.support.Checksum;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.HostSeed;
import io.quarry.bench.support.RackCount;
import io.quarry.bench.support.Reads;
import io.quarry.bench.support.StreamProbe;
import io.quarry.bench.support.Writes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The limit: hand-written JDBC on the shared pool, mapping by column index. Reads run as single
 * auto-committed statements; inserts are JDBC batches of {@value #BATCH} rows with the generated ids
 * read back (the drivers turn them into multi-row inserts: rewriteBatchedStatements on MySQL,
 * reWriteBatchedInserts on PostgreSQL); writes that need a transaction run in one.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class JdbcContender implements Reads<JdbcHost>, Writes<JdbcHost> {

    static final int BATCH = 1000;

    private static final String COLUMNS = "id, hostname, ip_addr, port, datacenter, rack, os_name, cpu_cores, memory_mb, "
            + "active, created_at, description";
    static final String BY_ID = "select " + COLUMNS + " from host where id = ?";
    private static final String BY_RACK = "select " + COLUMNS + " from host where datacenter = ? and rack = ? order by id";
    private static final String BY_DATACENTER = "select " + COLUMNS + " from host where datacenter = ? order by id";
    private static final String NICS = "select h.id, h.hostname, h.ip_addr, n.name, n.mac_address, n.speed_mbps "
            + "from host h join nic n on n.host_id = h.id where h.datacenter = ? ";
    private static final String NICS_IN_RACK = NICS + "and h.rack = ? and n.name = ? order by h.id";
    private static final String NICS_IN_DATACENTER = NICS + "and n.name = ? order by h.id";
    private static final String COUNT_ACTIVE = "select count(*) from host where datacenter = ? and active = ?";
    private static final String COUNT_BY_RACK = "select rack, count(*) from host where datacenter = ? group by rack "
            + "order by rack";
    private static final String STREAM = "select " + COLUMNS + " from host_stream";
    private static final String INSERT = "insert into host (hostname, ip_addr, port, datacenter, rack, os_name, cpu_cores, "
            + "memory_mb, active, created_at, description) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE_PORT = "update host set port = ? where id = ?";
    private static final String BULK_UPDATE = "update host set cpu_cores = cpu_cores + 1 where datacenter = ?";
    private static final String[] ID_COLUMN = {"id"};

    private DataSource pool;
    private int streamingFetchSize;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Uses the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        pool = fixture.pool();
        streamingFetchSize = fixture.db().streamingFetchSize();
    }

    // ---- reads

    @Override
    public JdbcHost findById(long id) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setLong(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? host(result) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<JdbcHost> findByRack(String datacenter, String rack) {
        return hosts(BY_RACK, datacenter, rack, 16);
    }

    @Override
    public List<JdbcHost> findByDatacenter(String datacenter) {
        return hosts(BY_DATACENTER, datacenter, null, 1024);
    }

    private List<JdbcHost> hosts(String sql, String first, String second, int expected) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, first);
            if (second != null) {
                statement.setString(2, second);
            }
            List<JdbcHost> hosts = new ArrayList<>(expected);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    hosts.add(host(result));
                }
            }
            return hosts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static JdbcHost host(ResultSet result) throws SQLException {
        JdbcHost host = new JdbcHost();
        host.id = result.getLong(1);
        host.hostname = result.getString(2);
        host.ipAddr = result.getString(3);
        host.port = result.getInt(4);
        host.datacenter = result.getString(5);
        host.rack = result.getString(6);
        host.osName = result.getString(7);
        host.cpuCores = result.getInt(8);
        host.memoryMb = result.getInt(9);
        host.active = result.getBoolean(10);
        host.createdAt = result.getObject(11, LocalDateTime.class);
        host.description = result.getString(12);
        return host;
    }

    @Override
    public List<HostNic> primaryNicsInRack(String datacenter, String rack) {
        return nics(NICS_IN_RACK, datacenter, rack, 16);
    }

    @Override
    public List<HostNic> primaryNicsInDatacenter(String datacenter) {
        return nics(NICS_IN_DATACENTER, datacenter, null, 1024);
    }

    private List<HostNic> nics(String sql, String datacenter, String rack, int expected) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            statement.setString(index++, datacenter);
            if (rack != null) {
                statement.setString(index++, rack);
            }
            statement.setString(index, HostSeed.nicName(0));
            List<HostNic> nics = new ArrayList<>(expected);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    nics.add(new HostNic(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getInt(6)));
                }
            }
            return nics;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long countActive(String datacenter) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_ACTIVE)) {
            statement.setString(1, datacenter);
            statement.setBoolean(2, true);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<RackCount> countByRack(String datacenter) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(COUNT_BY_RACK)) {
            statement.setString(1, datacenter);
            List<RackCount> counts = new ArrayList<>(128);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    counts.add(new RackCount(result.getString(1), result.getLong(2)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long streamAll(StreamProbe probe) {
        try (Connection connection = pool.getConnection()) {
            // PostgreSQL honours the fetch size only inside a transaction
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(STREAM)) {
                statement.setFetchSize(streamingFetchSize);
                long sum = 0;
                long rows = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        JdbcHost host = host(result);
                        sum = Checksum.add(sum, host.id, host.port, host.hostname, host.description);
                        probe.row(++rows);
                    }
                }
                connection.commit();
                return sum;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- writes

    @Override
    public List<JdbcHost> insert(int first, int count) {
        List<JdbcHost> hosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            hosts.add(newHost(n));
        }
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(INSERT, ID_COLUMN)) {
                for (int from = 0; from < count; from += BATCH) {
                    int to = Math.min(count, from + BATCH);
                    for (int i = from; i < to; i++) {
                        bind(statement, hosts.get(i));
                        statement.addBatch();
                    }
                    statement.executeBatch();
                    try (ResultSet keys = statement.getGeneratedKeys()) {
                        for (int i = from; i < to; i++) {
                            if (!keys.next()) {
                                throw new IllegalStateException("The driver returned fewer keys than rows inserted");
                            }
                            hosts.get(i).id = keys.getLong(1);
                        }
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hosts;
    }

    private static JdbcHost newHost(long n) {
        JdbcHost host = new JdbcHost();
        host.hostname = HostSeed.hostname(n);
        host.ipAddr = HostSeed.ipAddr(n);
        host.port = HostSeed.port(n);
        host.datacenter = HostSeed.datacenter(n);
        host.rack = HostSeed.rack(n);
        host.osName = HostSeed.osName(n);
        host.cpuCores = HostSeed.cpuCores(n);
        host.memoryMb = HostSeed.memoryMb(n);
        host.active = HostSeed.active(n);
        host.createdAt = HostSeed.createdAt(n);
        host.description = HostSeed.description(n);
        return host;
    }

    private static void bind(PreparedStatement statement, JdbcHost host) throws SQLException {
        statement.setString(1, host.hostname);
        statement.setString(2, host.ipAddr);
        statement.setInt(3, host.port);
        statement.setString(4, host.datacenter);
        statement.setString(5, host.rack);
        statement.setString(6, host.osName);
        statement.setInt(7, host.cpuCores);
        statement.setInt(8, host.memoryMb);
        statement.setBoolean(9, host.active);
        statement.setObject(10, host.createdAt);
        if (host.description == null) {
            statement.setNull(11, Types.VARCHAR);
        } else {
            statement.setString(11, host.description);
        }
    }

    @Override
    public JdbcHost readModifyWrite(long id) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(BY_ID);
                 PreparedStatement update = connection.prepareStatement(UPDATE_PORT)) {
                select.setLong(1, id);
                JdbcHost host;
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    host = host(result);
                }
                host.port++;
                update.setInt(1, host.port);
                update.setLong(2, id);
                update.executeUpdate();
                connection.commit();
                return host;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int bulkUpdate(String datacenter) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(BULK_UPDATE)) {
            statement.setString(1, datacenter);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HostRow row(JdbcHost host) {
        return host == null ? null : host.row();
    }
}
