package io.quarry.bench.aggregate.springjdbc;

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
import io.quarry.bench.support.SpringContexts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Spring Data JDBC as its aggregates allow. A host cannot hold its datacenter or its tags as entities: they are
 * aggregates of their own, referenced by id ({@code AggregateReference}, the tag rows of {@code agg_host_tag}
 * inside the host's aggregate). So the host read is the hosts (a derived query; Spring Data JDBC loads each
 * host's tag rows with a query per host), then {@code findAllById} of their datacenters and of their tags,
 * assembled into {@link HostAggregate}s. The datacenter read loads the datacenter aggregate, which owns its
 * hosts (a query per datacenter for them). The write saves the new tags, then the new datacenter aggregates
 * (datacenter, hosts, tag rows) with {@code saveAll} in one transaction. Spring Data JDBC's opt-in single-query
 * loading is not used: it applies to {@code findAll}/{@code findById}-style methods, not to derived queries.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class DataJdbcAggregates implements
        AggregateContender<DataJdbcAggregates.HostAggregate, DjReadDatacenter, DjDatacenter>, AutoCloseable {

    /** A host with the datacenter and the tags it refers to by id. */
    public record HostAggregate(DjHost host, DjDatacenterRow datacenter, List<DjTag> tags) {
    }

    private ConfigurableApplicationContext context;
    private DjHostRepository hosts;
    private DjDatacenterRowRepository datacenterRows;
    private DjTagRepository tags;
    private DjReadDatacenterRepository readDatacenters;
    private DjDatacenterRepository datacenters;
    private TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        AggregateFixture fixture = AggregateFixture.start();
        start(fixture);
        AggregateCheck.check(AggregateWorkload.of(params), this, fixture);
    }

    public void start(AggregateFixture fixture) {
        context = SpringContexts.run(DataJdbcAggApp.class, fixture.dataSource(), Map.of());
        hosts = context.getBean(DjHostRepository.class);
        datacenterRows = context.getBean(DjDatacenterRowRepository.class);
        tags = context.getBean(DjTagRepository.class);
        readDatacenters = context.getBean(DjReadDatacenterRepository.class);
        datacenters = context.getBean(DjDatacenterRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    @Override
    public List<HostAggregate> hostsWithDatacenterAndTags(long maxHostId) {
        List<DjHost> found = hosts.findByIdLessThanEqualOrderByIdAsc(maxHostId);
        Set<Long> datacenterIds = new LinkedHashSet<>();
        Set<Long> tagIds = new LinkedHashSet<>();
        for (DjHost host : found) {
            datacenterIds.add(host.getDatacenter().getId());
            for (DjHostTag tag : host.getTags()) {
                tagIds.add(tag.tagId());
            }
        }
        Map<Long, DjDatacenterRow> datacentersById = new HashMap<>();
        for (DjDatacenterRow datacenter : datacenterRows.findAllById(datacenterIds)) {
            datacentersById.put(datacenter.getId(), datacenter);
        }
        Map<Long, DjTag> tagsById = new HashMap<>();
        for (DjTag tag : tags.findAllById(tagIds)) {
            tagsById.put(tag.getId(), tag);
        }
        List<HostAggregate> result = new ArrayList<>(found.size());
        for (DjHost host : found) {
            List<DjTag> hostTags = new ArrayList<>(host.getTags().size());
            for (DjHostTag tag : host.getTags()) {
                hostTags.add(tagsById.get(tag.tagId()));
            }
            result.add(new HostAggregate(host, datacentersById.get(host.getDatacenter().getId()), hostTags));
        }
        return result;
    }

    @Override
    public List<DjReadDatacenter> datacentersWithHosts(long maxDatacenterId) {
        return readDatacenters.findByIdLessThanEqualOrderByIdAsc(maxDatacenterId);
    }

    @Override
    public List<DjDatacenter> write(List<NewDatacenter> plan) {
        List<DjTag> newTags = new ArrayList<>();
        for (String name : AggregateSeed.newTagNames()) {
            newTags.add(new DjTag(name));
        }
        return transactions.execute(status -> {
            tags.saveAll(newTags);
            List<DjDatacenter> newDatacenters = new ArrayList<>(plan.size());
            for (NewDatacenter planned : plan) {
                DjDatacenter datacenter = new DjDatacenter(planned.name(), planned.region());
                for (NewHost plannedHost : planned.hosts()) {
                    DjDatacenterHost host = new DjDatacenterHost(plannedHost.hostname(), plannedHost.ipAddr(),
                            plannedHost.port());
                    for (int tag : plannedHost.tags()) {
                        host.getTags().add(new DjHostTag(newTags.get(tag - 1).getId()));
                    }
                    datacenter.getHosts().add(host);
                }
                newDatacenters.add(datacenter);
            }
            return datacenters.saveAll(newDatacenters);
        });
    }

    @Override
    public HostView hostView(HostAggregate aggregate) {
        DjHost host = aggregate.host();
        DjDatacenterRow datacenter = aggregate.datacenter();
        return new HostView(host.getId(), host.getHostname(), host.getIpAddr(), host.getPort(),
                new DatacenterRef(datacenter.getId(), datacenter.getName(), datacenter.getRegion()),
                aggregate.tags().stream().map(tag -> new TagView(tag.getId(), tag.getName())).toList());
    }

    @Override
    public DatacenterView datacenterView(DjReadDatacenter datacenter) {
        return new DatacenterView(datacenter.getId(), datacenter.getName(), datacenter.getRegion(),
                datacenter.getHosts().stream().map(host -> new HostLine(host.getId(), host.getHostname(),
                        host.getIpAddr(), host.getPort(), datacenter.getId(), List.<String>of())).toList());
    }

    /** The tag names come from the tag rows' ids: the tags are another aggregate, saved just before. */
    @Override
    public DatacenterView writtenView(DjDatacenter datacenter) {
        Map<Long, String> names = new HashMap<>();
        for (DjTag tag : tags.findAll()) {
            names.put(tag.getId(), tag.getName());
        }
        return new DatacenterView(datacenter.getId(), datacenter.getName(), datacenter.getRegion(),
                datacenter.getHosts().stream().map(host -> new HostLine(host.getId(), host.getHostname(),
                        host.getIpAddr(), host.getPort(), datacenter.getId(),
                        host.getTags().stream().map(tag -> names.get(tag.tagId())).toList())).toList());
    }
}
