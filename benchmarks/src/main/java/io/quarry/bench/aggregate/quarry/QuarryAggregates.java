package io.quarry.bench.aggregate.quarry;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;

import io.quarry.bench.aggregate.AggregateCheck;
import io.quarry.bench.aggregate.AggregateContender;
import io.quarry.bench.aggregate.AggregateFixture;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateWorkload;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Quarry's Session API: the reads are one query each in a read-only auto-commit session, naming the collection
 * to load with it ({@code with("tags")}, {@code with("hosts")}); the datacenter reference of a host loads with the
 * query by default (selectin). The write adds the new datacenters and commits: the save cascade reaches their
 * hosts and the hosts' new tags, and the flush sends one batch per table and the join rows.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class QuarryAggregates implements AggregateContender<QAggHost, QDatacenter, QDatacenter> {

    private SessionFactory transactions;
    private SessionFactory reads;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        AggregateFixture fixture = AggregateFixture.start();
        start(fixture);
        AggregateCheck.check(AggregateWorkload.of(params), this, fixture);
    }

    public void start(AggregateFixture fixture) {
        Engine engine = Engine.create(fixture.dataSource());
        engine.model(QDatacenter.class);
        engine.model(QTag.class);
        engine.model(QAggHost.class);
        transactions = engine.sessionFactory();
        reads = transactions.withOptions(SessionOptions.DEFAULTS.withAutoCommit(true).withReadOnly(true));
    }

    @Override
    public List<QAggHost> hostsWithDatacenterAndTags(long maxHostId) {
        try (Session session = reads.openSession()) {
            return session.query(QAggHost.class)
                    .filter(col(QAggHost::getId).le(maxHostId))
                    .orderBy(asc(QAggHost::getId))
                    .with("tags")
                    .all();
        }
    }

    @Override
    public List<QDatacenter> datacentersWithHosts(long maxDatacenterId) {
        try (Session session = reads.openSession()) {
            return session.query(QDatacenter.class)
                    .filter(col(QDatacenter::getId).le(maxDatacenterId))
                    .orderBy(asc(QDatacenter::getId))
                    .with("hosts")
                    .all();
        }
    }

    @Override
    public List<QDatacenter> write(List<NewDatacenter> plan) {
        List<QDatacenter> datacenters = QuarryViews.newObjects(plan);
        try (Session session = transactions.openSession()) {
            session.addAll(datacenters);
            session.commit();
        }
        return datacenters;
    }

    @Override
    public HostView hostView(QAggHost host) {
        return QuarryViews.host(host);
    }

    @Override
    public DatacenterView datacenterView(QDatacenter datacenter) {
        return QuarryViews.datacenter(datacenter, false);
    }

    @Override
    public DatacenterView writtenView(QDatacenter datacenter) {
        return QuarryViews.datacenter(datacenter, true);
    }
}
