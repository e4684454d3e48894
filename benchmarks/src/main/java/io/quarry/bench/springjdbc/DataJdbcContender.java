package io.quarry.bench.springjdbc;

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
import java.util.ArrayList;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring Data JDBC with Spring Boot's defaults: repository methods (derived queries, {@code @Query}
 * SQL mapped into the projection records, a {@code @Modifying} update), batched {@code saveAll}, the
 * repositories' own transactions, a TransactionTemplate where a unit of work spans several calls.
 * One Spring context per trial.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class DataJdbcContender implements Reads<DataJdbcHost>, Writes<DataJdbcHost>, AutoCloseable {

    private ConfigurableApplicationContext context;
    private DataJdbcHostRepository hosts;
    private DataJdbcStreamHostRepository streamHosts;
    private TransactionTemplate transactions;
    private TransactionTemplate readOnlyTransactions;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params), Workload.of(params));
        Contenders.verify(params, this);
    }

    /** Boots the context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture, Workload workload) {
        // the documented JdbcTemplate fetch size makes the driver stream; only the streaming fork sets it, since on
        // MySQL (Integer.MIN_VALUE) it would make every other query stream row by row too
        Map<String, Object> properties = workload == Workload.STREAM_ALL
                ? Map.of("spring.jdbc.template.fetch-size", fixture.db().streamingFetchSize())
                : Map.of();
        context = SpringContexts.run(DataJdbcApp.class, fixture.pool(), properties);
        hosts = context.getBean(DataJdbcHostRepository.class);
        streamHosts = context.getBean(DataJdbcStreamHostRepository.class);
        PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
        transactions = new TransactionTemplate(transactionManager);
        readOnlyTransactions = new TransactionTemplate(transactionManager);
        readOnlyTransactions.setReadOnly(true);
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    // ---- reads

    @Override
    public DataJdbcHost findById(long id) {
        return hosts.findById(id).orElse(null);
    }

    @Override
    public List<DataJdbcHost> findByRack(String datacenter, String rack) {
        return hosts.findByDatacenterAndRackOrderByIdAsc(datacenter, rack);
    }

    @Override
    public List<DataJdbcHost> findByDatacenter(String datacenter) {
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

    /** A read-only transaction around the repository's Stream (PostgreSQL streams only inside a transaction). */
    @Override
    public long streamAll(StreamProbe probe) {
        Long result = readOnlyTransactions.execute(status -> {
            try (Stream<DataJdbcStreamHost> stream = streamHosts.streamAllBy()) {
                long sum = 0;
                long rows = 0;
                for (Iterator<DataJdbcStreamHost> it = stream.iterator(); it.hasNext(); ) {
                    DataJdbcStreamHost host = it.next();
                    sum = Checksum.add(sum, host.getId(), host.getPort(), host.getHostname(), host.getDescription());
                    probe.row(++rows);
                }
                return sum;
            }
        });
        return result;
    }

    // ---- writes

    @Override
    public List<DataJdbcHost> insert(int first, int count) {
        List<DataJdbcHost> newHosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            DataJdbcHost host = new DataJdbcHost();
            host.seed(n);
            newHosts.add(host);
        }
        return hosts.saveAll(newHosts);
    }

    @Override
    public DataJdbcHost readModifyWrite(long id) {
        return transactions.execute(status -> {
            DataJdbcHost host = hosts.findById(id).orElseThrow();
            host.setPort(host.getPort() + 1);
            return hosts.save(host);
        });
    }

    @Override
    public int bulkUpdate(String datacenter) {
        return hosts.addCpuCore(datacenter);
    }

    @Override
    public HostRow row(DataJdbcHost host) {
        return host == null ? null : host.row();
    }
}
