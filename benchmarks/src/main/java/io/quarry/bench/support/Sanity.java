package io.quarry.bench.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Checks, before a fork measures anything, that its contender does the full work of the workload:
 * the same rows, in the same order, with the same values as a plain JDBC reference read of the same
 * database (and, for writes, that the database holds what was written). A contender that returns
 * less fails its fork instead of winning it. Stateless.
 */
public final class Sanity {

    static final long MISSING_ID = 999_999_999L;

    private Sanity() {
    }

    /**
     * Checks what {@code workload} measures; {@code contender} implements {@link Reads}, {@link Writes} or
     * both, or only {@link PointReads} for {@code FindById}.
     */
    public static void check(Workload workload, Object contender, Fixture fixture) {
        String who = contender.getClass().getSimpleName() + " on " + fixture.db().label();
        try {
            if (workload.isWrite()) {
                checkWrites(workload, (Writes<?>) contender, fixture, who);
            } else if (workload == Workload.FIND_BY_ID) {
                checkFindById((PointReads<?>) contender, fixture, who);
            } else {
                checkReads(workload, (Reads<?>) contender, fixture, who);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reference read failed while checking " + who + ": " + e.getMessage(), e);
        }
    }

    private static <H> void checkFindById(PointReads<H> reads, Fixture fixture, String who) throws SQLException {
        for (long id : new long[] {1, 7, 10, 4242, Dataset.HOSTS}) {
            HostRow expected = HostSeed.row(id, id);
            same(who, "findById(" + id + ") reference", expected, hosts(fixture.pool(), "where id = ?", id).get(0));
            same(who, "findById(" + id + ")", expected, reads.row(reads.findById(id)));
        }
        same(who, "findById(missing)", null, reads.findById(MISSING_ID));
    }

    private static <H> void checkReads(Workload workload, Reads<H> reads, Fixture fixture, String who)
            throws SQLException {
        DataSource pool = fixture.pool();
        String dc = HostSeed.datacenterName(3);
        String rack = HostSeed.rackName(42);
        String where = "where datacenter = ? and rack = ? order by id";
        switch (workload) {
            case FIND_BY_FILTER -> {
                same(who, "findByRack", hosts(pool, where, dc, rack), rows(reads, reads.findByRack(dc, rack)), 10);
                same(who, "findByDatacenter", hosts(pool, "where datacenter = ? order by id", dc),
                        rows(reads, reads.findByDatacenter(dc)), 1000);
            }
            case JOIN -> {
                same(who, "primaryNicsInRack", nics(pool, "and h.rack = ?", dc, rack),
                        reads.primaryNicsInRack(dc, rack), 10);
                same(who, "primaryNicsInDatacenter", nics(pool, "", dc), reads.primaryNicsInDatacenter(dc), 1000);
            }
            case COUNT_FILTERED -> same(who, "countActive", scalar(pool,
                    "select count(*) from host where datacenter = ? and active = ?", dc, true), reads.countActive(dc));
            case GROUP_BY_COUNT -> same(who, "countByRack", rackCounts(pool, dc), reads.countByRack(dc),
                    HostSeed.RACKS_PER_DATACENTER);
            case STREAM_ALL -> same(who, "streamAll checksum", streamChecksum(fixture), reads.streamAll(StreamProbe.NONE));
            default -> throw new IllegalArgumentException(workload + " is not a read workload");
        }
    }

    private static <H> void checkWrites(Workload workload, Writes<H> writes, Fixture fixture, String who)
            throws SQLException {
        DataSource pool = fixture.pool();
        switch (workload) {
            case INSERT -> {
                // more rows than one JDBC batch or insert chunk, so that ids from several round trips are checked
                int count = 1500;
                List<H> inserted = writes.insert(HostSeed.FIRST_NEW, count);
                same(who, "insert: objects returned", count, inserted.size());
                Map<Long, HostRow> stored = new HashMap<>();
                for (HostRow row : hosts(pool, "where id > ?", (long) Dataset.HOSTS)) {
                    stored.put(row.id(), row);
                }
                same(who, "insert: rows stored", count, stored.size());
                Set<Long> ids = new HashSet<>();
                for (int i = 0; i < count; i++) {
                    HostRow row = writes.row(inserted.get(i));
                    if (row.id() == null || row.id() <= Dataset.HOSTS || !ids.add(row.id())) {
                        fail(who, "insert: generated ids must be set, new and distinct; got " + row.id());
                    }
                    HostRow expected = HostSeed.row(row.id(), HostSeed.FIRST_NEW + i);
                    same(who, "insert: returned object " + i, expected, row);
                    same(who, "insert: stored row " + i, expected, stored.get(row.id()));
                }
                fixture.dataset().deleteInsertedHosts();
            }
            case READ_MODIFY_WRITE -> {
                HostRow before = hosts(pool, "where id = ?", 4242L).get(0);
                HostRow expected = new HostRow(before.id(), before.hostname(), before.ipAddr(), before.port() + 1,
                        before.datacenter(), before.rack(), before.osName(), before.cpuCores(), before.memoryMb(),
                        before.active(), before.createdAt(), before.description());
                same(who, "readModifyWrite: returned object", expected, writes.row(writes.readModifyWrite(4242L)));
                same(who, "readModifyWrite: stored row", expected, hosts(pool, "where id = ?", 4242L).get(0));
            }
            case BULK_UPDATE -> {
                String dc = HostSeed.datacenterName(4);
                String sum = "select sum(cpu_cores) from host where datacenter = ?";
                long before = scalar(pool, sum, dc);
                same(who, "bulkUpdate: row count", 1000, writes.bulkUpdate(dc));
                same(who, "bulkUpdate: stored sum", before + 1000, scalar(pool, sum, dc));
            }
            default -> throw new IllegalArgumentException(workload + " is not a write workload");
        }
    }

    private static <H> List<HostRow> rows(Reads<H> reads, List<H> hosts) {
        return hosts.stream().map(reads::row).toList();
    }

    private static void same(String who, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            fail(who, what + ": expected " + abbreviate(expected) + " but got " + abbreviate(actual));
        }
    }

    private static void same(String who, String what, List<?> expected, List<?> actual, int size) {
        same(who, what + " reference size", size, expected.size());
        if (!expected.equals(actual)) {
            for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
                same(who, what + " row " + i, expected.get(i), actual.get(i));
            }
            fail(who, what + ": expected " + expected.size() + " rows but got " + actual.size());
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static void fail(String who, String message) {
        throw new IllegalStateException("Sanity check failed for " + who + ": " + message
                + ". The contender does not do the same work as the others; fix it before measuring");
    }

    // ---- the reference: plain JDBC, written for obviousness, not speed

    private static List<HostRow> hosts(DataSource pool, String where, Object... args) throws SQLException {
        return query(pool, "select " + Jdbc.HOST_COLUMNS + " from host " + where, args, Jdbc::readHost);
    }

    private static List<HostNic> nics(DataSource pool, String andRack, Object... args) throws SQLException {
        return query(pool, "select h.id, h.hostname, h.ip_addr, n.name, n.mac_address, n.speed_mbps from host h "
                + "join nic n on n.host_id = h.id where h.datacenter = ? " + andRack + " and n.name = 'eth0' order by h.id",
                args, result -> new HostNic(result.getLong(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getInt(6)));
    }

    private static List<RackCount> rackCounts(DataSource pool, String dc) throws SQLException {
        return query(pool, "select rack, count(*) from host where datacenter = ? group by rack order by rack",
                new Object[] {dc}, result -> new RackCount(result.getString(1), result.getLong(2)));
    }

    private static long scalar(DataSource pool, String sql, Object... args) throws SQLException {
        return query(pool, sql, args, result -> result.getLong(1)).get(0);
    }

    private static long streamChecksum(Fixture fixture) throws SQLException {
        try (Connection connection = fixture.pool().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement("select " + Jdbc.HOST_COLUMNS
                    + " from host_stream")) {
                statement.setFetchSize(fixture.db().streamingFetchSize());
                long sum = 0;
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        HostRow row = Jdbc.readHost(result);
                        sum = Checksum.add(sum, row.id(), row.port(), row.hostname(), row.description());
                    }
                }
                return sum;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet result) throws SQLException;
    }

    private static <T> List<T> query(DataSource pool, String sql, Object[] args, RowReader<T> reader)
            throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return rows;
        }
    }
}
