package io.quarry.bench.jpa;

import io.quarry.bench.support.Checksum;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.HostSeed;
import io.quarry.bench.support.RackCount;
import io.quarry.bench.support.Reads;
import io.quarry.bench.support.SpringContexts;
import io.quarry.bench.support.StreamProbe;
import io.quarry.bench.support.Workload;
import io.quarry.bench.support.Writes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JPA on Hibernate 7 as most users write it: IDENTITY ids, Spring Boot defaults,
 * repository methods (derived queries, JPQL constructor expressions for projections, a
 * {@code @Modifying} JPQL update), the repositories' own transactions, and a TransactionTemplate
 * where a unit of work spans several calls. One Spring context per trial.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class JpaContender implements Reads<JpaHost>, Writes<JpaHost>, AutoCloseable {

    private ConfigurableApplicationContext context;
    private JpaHostRepository hosts;
    private JpaStreamHostRepository streamHosts;
    private TransactionTemplate transactions;
    private TransactionTemplate readOnlyTransactions;
    private EntityManager entityManager;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params), Workload.of(params));
        Contenders.verify(params, this);
    }

    /** Boots the context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture, Workload workload) {
        // Hibernate's documented way to stream: a JDBC fetch size (Integer.MIN_VALUE on MySQL); only the streaming fork
        // sets it, since on MySQL it would make every other query stream row by row too
        Map<String, Object> properties = new HashMap<>(HibernateSettings.serverIdentity(fixture.pool()));
        if (workload == Workload.STREAM_ALL) {
            properties.put("spring.jpa.properties.hibernate.jdbc.fetch_size", fixture.db().streamingFetchSize());
        }
        context = SpringContexts.run(JpaApp.class, fixture.pool(), properties);
        hosts = context.getBean(JpaHostRepository.class);
        streamHosts = context.getBean(JpaStreamHostRepository.class);
        PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
        transactions = new TransactionTemplate(transactionManager);
        readOnlyTransactions = new TransactionTemplate(transactionManager);
        readOnlyTransactions.setReadOnly(true);
        entityManager = SharedEntityManagerCreator.createSharedEntityManager(context.getBean(EntityManagerFactory.class));
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    // ---- reads

    @Override
    public JpaHost findById(long id) {
        return hosts.findById(id).orElse(null);
    }

    @Override
    public List<JpaHost> findByRack(String datacenter, String rack) {
        return hosts.findByDatacenterAndRackOrderByIdAsc(datacenter, rack);
    }

    @Override
    public List<JpaHost> findByDatacenter(String datacenter) {
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

    /** A read-only transaction around the repository's Stream; each entity is detached once read, so memory stays flat. */
    @Override
    public long streamAll(StreamProbe probe) {
        Long result = readOnlyTransactions.execute(status -> {
            try (Stream<JpaStreamHost> stream = streamHosts.streamAllBy()) {
                long sum = 0;
                long rows = 0;
                for (Iterator<JpaStreamHost> it = stream.iterator(); it.hasNext(); ) {
                    JpaStreamHost host = it.next();
                    sum = Checksum.add(sum, host.getId(), host.getPort(), host.getHostname(), host.getDescription());
                    entityManager.detach(host);
                    probe.row(++rows);
                }
                return sum;
            }
        });
        return result;
    }

    // ---- writes

    @Override
    public List<JpaHost> insert(int first, int count) {
        List<JpaHost> newHosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            JpaHost host = new JpaHost();
            host.seed(n);
            newHosts.add(host);
        }
        return hosts.saveAll(newHosts);
    }

    @Override
    public JpaHost readModifyWrite(long id) {
        return transactions.execute(status -> {
            JpaHost host = hosts.findById(id).orElseThrow();
            host.setPort(host.getPort() + 1);
            return hosts.save(host);
        });
    }

    @Override
    public int bulkUpdate(String datacenter) {
        return hosts.addCpuCore(datacenter);
    }

    @Override
    public HostRow row(JpaHost host) {
        return host == null ? null : host.row();
    }
}
