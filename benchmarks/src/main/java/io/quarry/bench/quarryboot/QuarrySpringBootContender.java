package io.quarry.bench.quarryboot;

import io.quarry.bench.quarry.QuarryHost;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.HostSeed;
import io.quarry.bench.support.RackCount;
import io.quarry.bench.support.Reads;
import io.quarry.bench.support.StreamProbe;
import io.quarry.bench.support.Writes;
import io.quarry.bench.support.SpringContexts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Quarry's repository as a Spring Boot application sees it: the bean the starter makes for
 * {@link BootHostRepository}. Reads are called outside any transaction, where the starter runs a read
 * as one auto-commit statement (no transaction manager involved); {@code saveAll} runs in a transaction
 * of its own; read-modify-write is {@code findById}, a setter and {@code save} in a
 * {@link TransactionTemplate} of the application's transaction manager. The JMH runs use it for
 * FindById; the concurrent runs ({@code io.quarry.bench.concurrent}) for all their workloads. One Spring
 * context per trial; schema management off ({@code quarry.ddl-auto=none}; the tables exist).
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so it can be shared by
 * threads (the repository and the template are thread-safe singletons, as in an application).
 */
@State(Scope.Benchmark)
public class QuarrySpringBootContender implements Reads<QuarryHost>, Writes<QuarryHost>, AutoCloseable {

    private ConfigurableApplicationContext context;
    private BootHostRepository hosts;
    private TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Boots the context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        context = SpringContexts.run(application(), fixture.pool(), Map.of(
                "quarry.entity-packages", QuarryHost.class.getPackageName(),
                "quarry.ddl-auto", "none"));
        hosts = context.getBean(BootHostRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    /** The Spring Boot application the context is booted from. */
    protected Class<?> application() {
        return QuarryBootApp.class;
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
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

    /** Not measured for this contender: its application has no stream repository. */
    @Override
    public long streamAll(StreamProbe probe) {
        throw new UnsupportedOperationException("The Spring Boot starter contender does not take part in StreamAll");
    }

    // ---- writes

    /** {@code saveAll} outside a transaction: new entities in a transaction of its own, flushed in JDBC batches. */
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
        return transactions.execute(status -> {
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
