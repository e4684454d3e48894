package io.quarry.bench.quarry;

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
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Modifying;
import io.quarry.repository.Query;
import io.quarry.repository.Repository;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Quarry through its repositories, as its README shows them without Spring: interfaces made by
 * {@code RepositoryFactory.of(sessionFactory)}, derived queries where they suffice, {@code @Query}
 * SQL for the join and the group-by (into the projection records) and a {@code @Modifying} update.
 * Reads outside a transaction are single auto-commit statements, the repositories' default; inserts
 * are one {@code saveAll} (its own transaction); read-modify-write is {@code findById}, a setter and
 * {@code save} inside {@link RepositoryContext#inTransaction}. The stream runs inside a read-only
 * transaction, since PostgreSQL streams only inside one. The engine and the proxies are built once
 * per trial on the shared pool.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class QuarryRepositoryContender implements Reads<QuarryHost>, Writes<QuarryHost> {

    /** The repository of the workloads on {@code host}. */
    public interface HostRepository extends CrudRepository<QuarryHost, Long> {

        List<QuarryHost> findByDatacenterAndRackOrderByIdAsc(String datacenter, String rack);

        List<QuarryHost> findByDatacenterOrderByIdAsc(String datacenter);

        @Query("select h.id as host_id, h.hostname, h.ip_addr, n.name as nic_name, n.mac_address, n.speed_mbps "
                + "from host h join nic n on n.host_id = h.id "
                + "where h.datacenter = :datacenter and h.rack = :rack and n.name = :nic order by h.id")
        List<HostNic> findNicsInRack(String datacenter, String rack, String nic);

        @Query("select h.id as host_id, h.hostname, h.ip_addr, n.name as nic_name, n.mac_address, n.speed_mbps "
                + "from host h join nic n on n.host_id = h.id where h.datacenter = :datacenter and n.name = :nic "
                + "order by h.id")
        List<HostNic> findNicsInDatacenter(String datacenter, String nic);

        long countByDatacenterAndActiveTrue(String datacenter);

        @Query("select rack, count(*) as hosts from host where datacenter = :datacenter group by rack order by rack")
        List<RackCount> countByRack(String datacenter);

        @Modifying
        @Query("update host set cpu_cores = cpu_cores + 1 where datacenter = :datacenter")
        int addCpuCore(String datacenter);
    }

    /** Streams {@code host_stream}; call inside a transaction and close the stream. */
    public interface StreamHostRepository extends Repository<QuarryStreamHost, Long> {

        Stream<QuarryStreamHost> streamAllBy();
    }

    private RepositoryContext transactions;
    private RepositoryContext streamTransactions;
    private HostRepository hosts;
    private StreamHostRepository streamHosts;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Builds the engine and the repositories on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        SessionFactory sessions = Engine.create(fixture.pool()).sessionFactory();
        RepositoryFactory repositories = RepositoryFactory.of(sessions);
        transactions = repositories.context();
        hosts = repositories.create(HostRepository.class);
        // a read-only transaction around the stream, as the Spring Data contenders have: no snapshots, no flush
        RepositoryFactory streamRepositories = RepositoryFactory.of(
                sessions.withOptions(SessionOptions.DEFAULTS.withReadOnly(true)));
        streamTransactions = streamRepositories.context();
        streamHosts = streamRepositories.create(StreamHostRepository.class);
    }

    // ---- reads

    @Override
    public QuarryHost findById(long id) {
        return hosts.findById(id).orElse(null);
    }

    @Override
    public List<QuarryHost> findByRack(String datacenter, String rack) {
        return hosts.findByDatacenterAndRackOrderByIdAsc(datacenter, rack);
    }

    @Override
    public List<QuarryHost> findByDatacenter(String datacenter) {
        return hosts.findByDatacenterOrderByIdAsc(datacenter);
    }

    @Override
    public List<HostNic> primaryNicsInRack(String datacenter, String rack) {
        return hosts.findNicsInRack(datacenter, rack, HostSeed.nicName(0));
    }

    @Override
    public List<HostNic> primaryNicsInDatacenter(String datacenter) {
        return hosts.findNicsInDatacenter(datacenter, HostSeed.nicName(0));
    }

    @Override
    public long countActive(String datacenter) {
        return hosts.countByDatacenterAndActiveTrue(datacenter);
    }

    @Override
    public List<RackCount> countByRack(String datacenter) {
        return hosts.countByRack(datacenter);
    }

    @Override
    public long streamAll(StreamProbe probe) {
        return streamTransactions.inTransaction(session -> {
            try (Stream<QuarryStreamHost> stream = streamHosts.streamAllBy()) {
                long sum = 0;
                long rows = 0;
                for (Iterator<QuarryStreamHost> it = stream.iterator(); it.hasNext(); ) {
                    QuarryStreamHost host = it.next();
                    sum = Checksum.add(sum, host.getId(), host.getPort(), host.getHostname(), host.getDescription());
                    probe.row(++rows);
                }
                return sum;
            }
        });
    }

    // ---- writes

    /** {@code saveAll}: new entities (no id yet) are added without a SELECT and flushed in JDBC batches. */
    @Override
    public List<QuarryHost> insert(int first, int count) {
        List<QuarryHost> newHosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            QuarryHost host = new QuarryHost();
            host.seed(n);
            newHosts.add(host);
        }
        return hosts.saveAll(newHosts);
    }

    @Override
    public QuarryHost readModifyWrite(long id) {
        return transactions.inTransaction(session -> {
            QuarryHost host = hosts.findById(id).orElseThrow();
            host.setPort(host.getPort() + 1);
            return hosts.save(host);
        });
    }

    @Override
    public int bulkUpdate(String datacenter) {
        return hosts.addCpuCore(datacenter);
    }

    @Override
    public HostRow row(QuarryHost host) {
        return host == null ? null : host.row();
    }
}
