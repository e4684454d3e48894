package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fragments, default methods, the identity map under bulk writes, streams and concurrent callers. */
@CrossDatabaseTest
class RepositoryCompositionIT {

    @Entity
    @Table(name = "rc_host")
    static class Host {
        @Id
        @GeneratedValue
        Long id;
        String hostname;
        int port;
        String rack;

        Host() {
        }

        Host(String hostname, int port, String rack) {
            this.hostname = hostname;
            this.port = port;
            this.rack = rack;
        }
    }

    /** A custom fragment, as Spring would find HostRepositoryCustom and its Impl. */
    public interface HostRepositoryCustom {
        List<String> busiestRacks(int limit);

        List<Host> findByWhateverIsSpecial(String text);

        long count();
    }

    /** Package-private on purpose: it is called through the public fragment interface. */
    static final class HostRepositoryCustomImpl implements HostRepositoryCustom {
        private final RepositoryContext context;

        HostRepositoryCustomImpl(RepositoryContext context) {
            this.context = context;
        }

        @Override
        public List<String> busiestRacks(int limit) {
            return context.read(session -> session.select(Host.class, Sql.col("rack"), Sql.count())
                    .groupBy(Sql.col("rack")).orderBy(Sql.count().desc(), Sql.col("rack").asc()).limit(limit).all())
                    .stream().map(row -> row.getString(0)).toList();
        }

        @Override
        public List<Host> findByWhateverIsSpecial(String text) {
            return context.read(session -> session.query(Host.class).filter(Sql.col("hostname").contains(text)).all());
        }

        @Override
        public long count() {
            return -1;
        }
    }

    interface HostRepository extends CrudRepository<Host, Long>, HostRepositoryCustom {
        Host findByHostname(String hostname);

        List<Host> findByRack(String rack);

        int updatePortByHostname(int port, String hostname);

        int deleteByRack(String rack);

        Stream<Host> streamByRack(String rack);

        List<Host> findByPortIn(List<Integer> ports);

        default Host movePort(String hostname, int port) {
            Host host = findByHostname(hostname);
            host.port = port;
            return save(host);
        }

        default String summary() {
            return busiestRacks(1).get(0) + " of " + findAll().size();
        }
    }

    private final TestDatabase db;
    private final ConnectionRecorder recorder = new ConnectionRecorder();
    private RepositoryFactory factory;
    private HostRepository hosts;

    RepositoryCompositionIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("rc_host");
        Engine engine = Engine.create(recorder.wrap(db.dataSource()));
        engine.createAll(Host.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        hosts = factory.create(HostRepository.class, new HostRepositoryCustomImpl(factory.context()));
        hosts.saveAll(List.of(new Host("web-1", 80, "r1"), new Host("web-2", 80, "r1"), new Host("db-1", 5432, "r2"),
                new Host("web-3", 443, "r1"), new Host("cache-1", 6379, "r3")));
        recorder.clear();
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("rc_host");
    }

    @Test
    void callsFragmentMethods() {
        assertThat(hosts.busiestRacks(2)).containsExactly("r1", "r2");
    }

    @Test
    void aFragmentMethodIsNeverParsedAsADerivedQuery() {
        assertThat(hosts.findByWhateverIsSpecial("che")).extracting(host -> host.hostname).containsExactly("cache-1");
    }

    @Test
    void aFragmentOverridesACrudMethod() {
        assertThat(hosts.count()).isEqualTo(-1);
    }

    @Test
    void runsDefaultMethodsThatCallOtherMethods() {
        Host moved = hosts.movePort("web-3", 8443);

        assertThat(moved.port).isEqualTo(8443);
        assertThat(hosts.findByHostname("web-3").port).isEqualTo(8443);
        assertThat(hosts.summary()).isEqualTo("r1 of 5");
    }

    @Test
    void aBulkUpdateRefreshesObjectsTheSessionHolds() {
        int port = factory.context().inTransaction(session -> {
            Host host = hosts.findByHostname("web-1");
            assertThat(hosts.updatePortByHostname(9090, "web-1")).isEqualTo(1);
            return host.port;
        });

        assertThat(port).isEqualTo(9090);
    }

    @Test
    void aBulkDeleteDetachesObjectsTheSessionHolds() {
        boolean stillHeld = factory.context().inTransaction(session -> {
            List<Host> rack = hosts.findByRack("r1");
            assertThat(hosts.deleteByRack("r1")).isEqualTo(3);
            return rack.stream().anyMatch(session::contains);
        });

        assertThat(stillHeld).isFalse();
        assertThat(hosts.findAll()).hasSize(2);
    }

    @Test
    void aStreamOutsideATransactionHoldsItsConnectionUntilClosed() {
        Stream<Host> stream = hosts.streamByRack("r1");
        try (stream) {
            assertThat(recorder.calls()).containsExactly("getConnection");
            assertThat(stream.count()).isEqualTo(3);
        }
        assertThat(recorder.calls()).containsExactly("getConnection", "close");
    }

    @Test
    void oneProxyServesConcurrentCallers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int task = 0; task < 40; task++) {
                int size = task % 7 + 1;
                results.add(pool.submit(() -> {
                    List<Integer> ports = IntStream.range(0, size).map(i -> i == 0 ? 80 : 10_000 + i).boxed().toList();
                    return hosts.findByPortIn(ports).size();
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
