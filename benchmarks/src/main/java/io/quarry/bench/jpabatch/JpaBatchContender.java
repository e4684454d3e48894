package io.quarry.bench.jpabatch;

import io.quarry.bench.jpa.HibernateSettings;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.SpringContexts;
import io.quarry.bench.support.Writes;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Spring Data JPA with the batching settings of Hibernate's user guide: SEQUENCE ids (pooled, 50 per
 * round trip), {@code hibernate.jdbc.batch_size} 50 (the guide suggests 10 to 50) and ordered inserts
 * and updates. Measured on the write workloads only: reads are the same as {@link
 * io.quarry.bench.jpa.JpaContender}'s.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class JpaBatchContender implements Writes<JpaBatchHost>, AutoCloseable {

    /** The documented settings this variant adds to Spring Boot's defaults. */
    public static final Map<String, Object> BATCH_SETTINGS = Map.of(
            "spring.jpa.properties.hibernate.jdbc.batch_size", "50",
            "spring.jpa.properties.hibernate.order_inserts", "true",
            "spring.jpa.properties.hibernate.order_updates", "true");

    private ConfigurableApplicationContext context;
    private JpaBatchHostRepository hosts;
    private TransactionTemplate transactions;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Boots the context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        Map<String, Object> properties = new HashMap<>(BATCH_SETTINGS);
        properties.putAll(HibernateSettings.serverIdentity(fixture.pool()));
        context = SpringContexts.run(JpaBatchApp.class, fixture.pool(), properties);
        hosts = context.getBean(JpaBatchHostRepository.class);
        transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    }

    @Override
    @TearDown(Level.Trial)
    public void close() {
        context.close();
    }

    @Override
    public List<JpaBatchHost> insert(int first, int count) {
        List<JpaBatchHost> newHosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            JpaBatchHost host = new JpaBatchHost();
            host.seed(n);
            newHosts.add(host);
        }
        return hosts.saveAll(newHosts);
    }

    @Override
    public JpaBatchHost readModifyWrite(long id) {
        return transactions.execute(status -> {
            JpaBatchHost host = hosts.findById(id).orElseThrow();
            host.setPort(host.getPort() + 1);
            return hosts.save(host);
        });
    }

    @Override
    public int bulkUpdate(String datacenter) {
        return hosts.addCpuCore(datacenter);
    }

    @Override
    public HostRow row(JpaBatchHost host) {
        return host == null ? null : host.row();
    }
}
