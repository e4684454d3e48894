package io.quarry.bench.quarryboot;

import io.quarry.bench.quarry.QuarryHost;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.PointReads;
import io.quarry.bench.support.SpringContexts;
import java.util.Map;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Quarry's repository as a Spring Boot application sees it: the bean the starter makes for
 * {@link BootHostRepository}, called outside any transaction, where the starter runs a read as one
 * auto-commit statement (no transaction manager involved). FindById only. One Spring context per
 * trial; schema management off ({@code quarry.ddl-auto=none}; the tables exist).
 *
 * <p>A JMH state: one per fork, set up once per trial, used by the one benchmark thread; not
 * thread-safe.
 */
@State(Scope.Benchmark)
public class QuarrySpringBootContender implements PointReads<QuarryHost>, AutoCloseable {

    private ConfigurableApplicationContext context;
    private BootHostRepository hosts;

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

    @Override
    public QuarryHost findById(long id) {
        return hosts.findById(id).orElse(null);
    }

    @Override
    public HostRow row(QuarryHost host) {
        return host == null ? null : host.row();
    }
}
