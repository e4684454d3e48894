package io.quarry.bench.aggregate.quarry;

import io.quarry.bench.aggregate.AggregateCheck;
import io.quarry.bench.aggregate.AggregateContender;
import io.quarry.bench.aggregate.AggregateFixture;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateWorkload;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Quarry's repositories without Spring ({@code RepositoryFactory.of(sessionFactory)}): derived queries that
 * name what to load with {@code @LoadWith}, called outside a transaction (the repositories' default read);
 * the write is one {@code saveAll} of the new datacenters (its own transaction), cascading to hosts and tags.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class QuarryRepositoryAggregates implements AggregateContender<QAggHost, QDatacenter, QDatacenter> {

    /** Hosts with their tags (their datacenters load with them by default). */
    public interface HostRepository extends CrudRepository<QAggHost, Long> {

        @LoadWith("tags")
        List<QAggHost> findByIdLessThanEqualOrderByIdAsc(long id);
    }

    /** Datacenters with their hosts. */
    public interface DatacenterRepository extends CrudRepository<QDatacenter, Long> {

        @LoadWith("hosts")
        List<QDatacenter> findByIdLessThanEqualOrderByIdAsc(long id);
    }

    private HostRepository hosts;
    private DatacenterRepository datacenters;

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
        RepositoryFactory repositories = RepositoryFactory.of(engine.sessionFactory());
        hosts = repositories.create(HostRepository.class);
        datacenters = repositories.create(DatacenterRepository.class);
    }

    @Override
    public List<QAggHost> hostsWithDatacenterAndTags(long maxHostId) {
        return hosts.findByIdLessThanEqualOrderByIdAsc(maxHostId);
    }

    @Override
    public List<QDatacenter> datacentersWithHosts(long maxDatacenterId) {
        return datacenters.findByIdLessThanEqualOrderByIdAsc(maxDatacenterId);
    }

    @Override
    public List<QDatacenter> write(List<NewDatacenter> plan) {
        return datacenters.saveAll(QuarryViews.newObjects(plan));
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
