package io.quarry.bench.aggregate;

import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateSeed.NewHost;
import io.quarry.bench.aggregate.AggregateViews.DatacenterRef;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostLine;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateViews.TagView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Before a fork measures an aggregate workload: checks that the contender returns exactly what a plain JDBC
 * reference read of the database holds (every host with its datacenter and tags, every datacenter with all its
 * hosts; for the write, what the database holds afterwards and the generated ids on the returned objects), so
 * a contender that loads less fails its fork; then counts the statements of one call at a tenth of the size and
 * at the full size ({@link AggregateStatements}). Stateless.
 */
public final class AggregateCheck {

    private AggregateCheck() {
    }

    /** Checks {@code contender} on {@code workload}; returns the statement counts {small, full}. */
    public static long[] check(AggregateWorkload workload, AggregateContender<?, ?, ?> contender,
            AggregateFixture fixture) {
        String who = contender.getClass().getSimpleName() + " on " + fixture.db().label();
        try {
            long[] counts = switch (workload) {
                case HOSTS -> checkHosts(contender, fixture, who);
                case DATACENTERS -> checkDatacenters(contender, fixture, who);
                case WRITE -> checkWrite(contender, fixture, who);
            };
            AggregateStatements.record(counts[0], counts[1]);
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("Reference read failed while checking " + who + ": " + e.getMessage(), e);
        }
    }

    private static <H> long[] checkHosts(AggregateContender<H, ?, ?> contender, AggregateFixture fixture, String who)
            throws SQLException {
        List<HostView> expected = referenceHosts(fixture, AggregateSeed.HOSTS);
        same(who, "reference size", AggregateSeed.HOSTS, expected.size());
        same(who, "hostsWithDatacenterAndTags", expected,
                contender.hostsWithDatacenterAndTags(AggregateSeed.HOSTS).stream().map(contender::hostView).toList());
        same(who, "hostsWithDatacenterAndTags(100)", expected.subList(0, 100),
                contender.hostsWithDatacenterAndTags(100).stream().map(contender::hostView).toList());
        CountingDataSource counter = fixture.dataSource();
        return new long[] {counter.count(() -> contender.hostsWithDatacenterAndTags(AggregateSeed.HOSTS / 10)),
                counter.count(() -> contender.hostsWithDatacenterAndTags(AggregateSeed.HOSTS))};
    }

    private static <D> long[] checkDatacenters(AggregateContender<?, D, ?> contender, AggregateFixture fixture,
            String who) throws SQLException {
        List<DatacenterView> expected = referenceDatacenters(fixture, "id <= ?", AggregateSeed.DATACENTERS, false);
        same(who, "reference size", AggregateSeed.DATACENTERS, expected.size());
        same(who, "datacentersWithHosts", expected,
                contender.datacentersWithHosts(AggregateSeed.DATACENTERS).stream().map(contender::datacenterView).toList());
        CountingDataSource counter = fixture.dataSource();
        return new long[] {counter.count(() -> contender.datacentersWithHosts(AggregateSeed.DATACENTERS / 10)),
                counter.count(() -> contender.datacentersWithHosts(AggregateSeed.DATACENTERS))};
    }

    private static <W> long[] checkWrite(AggregateContender<?, ?, W> contender, AggregateFixture fixture, String who)
            throws SQLException {
        fixture.deleteWritten();
        List<NewDatacenter> plan = AggregateSeed.newDatacenters(AggregateSeed.NEW_DATACENTERS);
        List<DatacenterView> returned = contender.write(plan).stream().map(contender::writtenView).toList();
        List<DatacenterView> stored = referenceDatacenters(fixture, "id > ?", AggregateSeed.DATACENTERS, true);
        same(who, "write: stored datacenters", AggregateSeed.NEW_DATACENTERS, stored.size());
        same(who, "write: returned objects (ids, hosts, tags) against the stored rows", stored, returned);
        List<String> newTags = AggregateSeed.newTagNames();
        for (int d = 0; d < plan.size(); d++) {
            NewDatacenter expected = plan.get(d);
            DatacenterView actual = stored.get(d);
            same(who, "write: datacenter " + d, List.of(expected.name(), expected.region()),
                    List.of(actual.name(), actual.region()));
            for (int h = 0; h < expected.hosts().size(); h++) {
                NewHost host = expected.hosts().get(h);
                List<String> tags = new ArrayList<>();
                for (int tag : host.tags()) {
                    tags.add(newTags.get(tag - 1));
                }
                HostLine line = actual.hosts().get(h);
                same(who, "write: host " + d + "/" + h, new HostLine(line.id(), host.hostname(), host.ipAddr(),
                        host.port(), actual.id(), tags), line);
            }
        }
        same(who, "write: new tags stored", (long) AggregateSeed.NEW_TAGS,
                scalar(fixture, "select count(*) from agg_tag where id > " + AggregateSeed.TAGS));
        fixture.deleteWritten();
        CountingDataSource counter = fixture.dataSource();
        long small = counter.count(() -> contender.write(AggregateSeed.newDatacenters(AggregateSeed.NEW_DATACENTERS / 10)));
        fixture.deleteWritten();
        long full = counter.count(() -> contender.write(plan));
        fixture.deleteWritten();
        return new long[] {small, full};
    }

    private static void same(String who, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            if (expected instanceof List<?> left && actual instanceof List<?> right) {
                for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
                    same(who, what + " [" + i + "]", left.get(i), right.get(i));
                }
                fail(who, what + ": expected " + left.size() + " elements but got " + right.size());
            }
            fail(who, what + ": expected " + abbreviate(expected) + " but got " + abbreviate(actual));
        }
    }

    private static String abbreviate(Object value) {
        String text = String.valueOf(value);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }

    private static void fail(String who, String message) {
        throw new IllegalStateException("Aggregate check failed for " + who + ": " + message
                + ". The contender does not do the same work as the others; fix it before measuring");
    }

    // ---- the reference: plain JDBC, written for obviousness, not speed

    private static List<HostView> referenceHosts(AggregateFixture fixture, long maxId) throws SQLException {
        Map<Long, List<TagView>> tags = new LinkedHashMap<>();
        try (Connection connection = fixture.dataSource().getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement("select ht.host_id, t.id, t.name "
                    + "from agg_host_tag ht join agg_tag t on t.id = ht.tag_id where ht.host_id <= ?")) {
                statement.setLong(1, maxId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        tags.computeIfAbsent(result.getLong(1), id -> new ArrayList<>())
                                .add(new TagView(result.getLong(2), result.getString(3)));
                    }
                }
            }
            List<HostView> hosts = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("select h.id, h.hostname, h.ip_addr, h.port, "
                    + "d.id, d.name, d.region from agg_host h join agg_datacenter d on d.id = h.datacenter_id "
                    + "where h.id <= ? order by h.id")) {
                statement.setLong(1, maxId);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        hosts.add(new HostView(result.getLong(1), result.getString(2), result.getString(3),
                                result.getInt(4), new DatacenterRef(result.getLong(5), result.getString(6),
                                result.getString(7)), tags.getOrDefault(result.getLong(1), List.of())));
                    }
                }
            }
            return hosts;
        }
    }

    private static List<DatacenterView> referenceDatacenters(AggregateFixture fixture, String where, long bound,
            boolean withTags) throws SQLException {
        try (Connection connection = fixture.dataSource().getConnection()) {
            Map<Long, List<String>> tags = new LinkedHashMap<>();
            if (withTags) {
                try (PreparedStatement statement = connection.prepareStatement("select ht.host_id, t.name "
                        + "from agg_host_tag ht join agg_tag t on t.id = ht.tag_id")) {
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            tags.computeIfAbsent(result.getLong(1), id -> new ArrayList<>()).add(result.getString(2));
                        }
                    }
                }
            }
            Map<Long, List<HostLine>> hosts = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, hostname, ip_addr, port, datacenter_id from agg_host order by id");
                 ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    hosts.computeIfAbsent(result.getLong(5), id -> new ArrayList<>()).add(new HostLine(result.getLong(1),
                            result.getString(2), result.getString(3), result.getInt(4), result.getLong(5),
                            tags.getOrDefault(result.getLong(1), List.of())));
                }
            }
            List<DatacenterView> datacenters = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "select id, name, region from agg_datacenter where " + where + " order by id")) {
                statement.setLong(1, bound);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        datacenters.add(new DatacenterView(result.getLong(1), result.getString(2), result.getString(3),
                                hosts.getOrDefault(result.getLong(1), List.of())));
                    }
                }
            }
            return datacenters;
        }
    }

    private static long scalar(AggregateFixture fixture, String sql) throws SQLException {
        try (Connection connection = fixture.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }
}
