package io.quarry.bench.quarryboot;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * {@link QuarrySpringBootContender} with Micrometer observations of every statement and repository call
 * ({@link QuarryObservedBootApp}), each a timer in a simple meter registry: the same bean of
 * {@link BootHostRepository}, called outside any transaction, so the difference between the two is the
 * price of the observations. FindById only. One Spring context per trial; schema management off.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class QuarryObservedSpringBootContender extends QuarrySpringBootContender {

    @Override
    protected Class<?> application() {
        return QuarryObservedBootApp.class;
    }
}
