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
 * {@link QuarrySpringBootContender} with Micrometer observations of every statement and repository call
 * ({@link QuarryObservedBootApp}), each a timer in a simple meter registry: the same bean of
 * {@link BootHostRepository}, called outside any transaction, so the difference between the two is the
 * price of the observations. FindById only. One Spring context per trial; schema management off.
 *
 * <p>A JMH state: one per fork, set up once per trial, used by the one benchmark thread; not
 * thread-safe.
 */
@State(Scope.Benchmark)
public class QuarryObservedSpringBootContender implements PointReads<QuarryHost>, AutoCloseable {

    private ConfigurableApplicationContext context;
    private BootHostRepository hosts;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Boots the context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        context = SpringContexts.run(QuarryObservedBootApp.class, fixture.pool(), Map.of(
                "quarry.entity-packages", QuarryHost.class.getPackageName(),
                "quarry.ddl-auto", "none"));
        hosts = context.getBean(BootHostRepository.class);
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
