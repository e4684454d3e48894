package io.quarry.bench.aggregate.jpa;

import io.quarry.bench.aggregate.AggregateCheck;
import io.quarry.bench.aggregate.AggregateContender;
import io.quarry.bench.aggregate.AggregateFixture;
import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateSeed.NewHost;
import io.quarry.bench.aggregate.AggregateViews.DatacenterRef;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostLine;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateViews.TagView;
import io.quarry.bench.aggregate.AggregateWorkload;
import io.quarry.bench.jpa.HibernateSettings;
import io.quarry.bench.support.SpringContexts;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JPA on Hibernate 7, the best a JPA user writes for these reads: repository methods with an
 * {@code @EntityGraph} that fetches what the caller needs in one statement (hosts join datacenter left join
 * tags; datacenters left join hosts), collections as {@code Set}s (no MultipleBagFetchException), called
 * outside a transaction (the repository's own read-only one). The write uses IDENTITY ids, as most users do:
 * {@code saveAll} of the tags and of the datacenters (cascading to their hosts) in one TransactionTemplate;
 * Hibernate sends one insert per row, and one per join row.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class JpaAggregates implements AggregateContender<JpaAggHost, JpaAggDatacenter, JpaAggDatacenter>,
        AutoCloseable {

    private ConfigurableApplicationContext context;
    private JpaAggHostRepository hosts;
    private JpaAggDatacenterRepository datacenters;
    private JpaAggTagRepository tags;
    private TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        AggregateFixture fixture = AggregateFixture.start();
        start(fixture);
        AggregateCheck.check(AggregateWorkload.of(params), this, fixture);
    }

    public void start(AggregateFixture fixture) {
        context = SpringContexts.run(JpaAggApp.class, fixture.dataSource(),
                HibernateSettings.serverIdentity(fixture.dataSource()));
        hosts = context.getBean(JpaAggHostRepository.class);
        datacenters = context.getBean(JpaAggDatacenterRepository.class);
        tags = context.getBean(JpaAggTagRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    @Override
    public List<JpaAggHost> hostsWithDatacenterAndTags(long maxHostId) {
        return hosts.findByIdLessThanEqualOrderByIdAsc(maxHostId);
    }

    @Override
    public List<JpaAggDatacenter> datacentersWithHosts(long maxDatacenterId) {
        return datacenters.findByIdLessThanEqualOrderByIdAsc(maxDatacenterId);
    }

    @Override
    public List<JpaAggDatacenter> write(List<NewDatacenter> plan) {
        List<JpaAggTag> newTags = new ArrayList<>();
        for (String name : AggregateSeed.newTagNames()) {
            newTags.add(new JpaAggTag(name));
        }
        List<JpaAggDatacenter> newDatacenters = new ArrayList<>(plan.size());
        for (NewDatacenter planned : plan) {
            JpaAggDatacenter datacenter = new JpaAggDatacenter(planned.name(), planned.region());
            for (NewHost plannedHost : planned.hosts()) {
                JpaAggHost host = new JpaAggHost(plannedHost.hostname(), plannedHost.ipAddr(), plannedHost.port());
                host.setDatacenter(datacenter);
                for (int tag : plannedHost.tags()) {
                    host.getTags().add(newTags.get(tag - 1));
                }
                datacenter.getHosts().add(host);
            }
            newDatacenters.add(datacenter);
        }
        return transactions.execute(status -> {
            tags.saveAll(newTags);
            return datacenters.saveAll(newDatacenters);
        });
    }

    @Override
    public HostView hostView(JpaAggHost host) {
        JpaAggDatacenter datacenter = host.getDatacenter();
        return new HostView(host.getId(), host.getHostname(), host.getIpAddr(), host.getPort(),
                new DatacenterRef(datacenter.getId(), datacenter.getName(), datacenter.getRegion()),
                host.getTags().stream().map(tag -> new TagView(tag.getId(), tag.getName())).toList());
    }

    @Override
    public DatacenterView datacenterView(JpaAggDatacenter datacenter) {
        return view(datacenter, false);
    }

    @Override
    public DatacenterView writtenView(JpaAggDatacenter datacenter) {
        return view(datacenter, true);
    }

    private static DatacenterView view(JpaAggDatacenter datacenter, boolean withTags) {
        return new DatacenterView(datacenter.getId(), datacenter.getName(), datacenter.getRegion(),
                datacenter.getHosts().stream().map(host -> new HostLine(host.getId(), host.getHostname(),
                        host.getIpAddr(), host.getPort(), host.getDatacenter().getId(), withTags
                                ? host.getTags().stream().map(JpaAggTag::getName).toList() : List.<String>of()))
                        .toList());
    }
}
