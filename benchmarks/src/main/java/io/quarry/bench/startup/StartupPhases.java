package io.quarry.bench.startup;

import com.zaxxer.hikari.HikariDataSource;
import io.quarry.bench.Startup;
import io.quarry.bench.startup.quarry.QuarryStartupEntities;
import io.quarry.bench.support.BenchDatabase;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.List;

/**
 * Where one cold start of Quarry without Spring spends its time, phase by phase: the pool (and, on
 * H2, the database itself), the engine, the 50 models, the 50 repositories one by one. Run it in a
 * fresh JVM each time (a second pass in the same JVM measures warm code):
 *
 * <pre>
 * java -Dquarry.bench.db=h2 -cp benchmarks/target/benchmarks.jar io.quarry.bench.startup.StartupPhases [proxies]
 * </pre>
 *
 * With {@code proxies}, a bare JDK proxy of every repository interface is made first and timed on
 * its own, which shows what proxy generation alone costs.
 */
public final class StartupPhases {

    private StartupPhases() {
    }

    public static void main(String[] args) throws Exception {
        Startup tables = new Startup();
        tables.entities = 50;
        tables.createTables();
        List<Class<?>> repositoryTypes = QuarryStartupEntities.REPOSITORIES;
        long proxies = 0;
        if (args.length > 0 && args[0].equals("proxies")) {
            long start = System.nanoTime();
            for (Class<?> type : repositoryTypes) {
                Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> null);
            }
            proxies = System.nanoTime() - start;
        }
        long start = System.nanoTime();
        HikariDataSource pool = BenchDatabase.current().createPool();
        long pooled = System.nanoTime();
        Engine engine = Engine.create(pool);
        long engined = System.nanoTime();
        for (Class<?> type : QuarryStartupEntities.ALL) {
            engine.model(type);
        }
        long modelled = System.nanoTime();
        RepositoryFactory repositories = RepositoryFactory.of(engine.sessionFactory());
        long[] each = new long[repositoryTypes.size()];
        for (int i = 0; i < each.length; i++) {
            long before = System.nanoTime();
            repositories.create(repositoryTypes.get(i));
            each[i] = System.nanoTime() - before;
        }
        long done = System.nanoTime();
        pool.close();
        long[] sorted = each.clone();
        Arrays.sort(sorted);
        System.out.printf("bare proxies %s | pool %s, engine %s, %d models %s, %d repositories %s "
                        + "(first %s, median %s, slowest of the rest %s)%n",
                ms(proxies), ms(pooled - start), ms(engined - pooled), QuarryStartupEntities.ALL.size(),
                ms(modelled - engined), each.length, ms(done - modelled), ms(each[0]), ms(sorted[each.length / 2]),
                ms(Arrays.stream(each, 1, each.length).max().orElse(0)));
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }
}
