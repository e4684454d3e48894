package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.repository.support.RepositoryObserver;
import io.quarry.session.Engine;
import io.quarry.session.StatementObserver;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The repository observer: told around every call of a repository method (not of Object's methods), the
 * statements the method runs in between, and the error the caller gets when it fails.
 */
@CrossDatabaseTest
class RepositoryObserverIT {

    @Entity
    @Table(name = "ro_host")
    static class Host {
        @Id
        @GeneratedValue
        Long id;
        String hostname;
        int port;

        Host() {
        }

        Host(String hostname, int port) {
            this.hostname = hostname;
            this.port = port;
        }
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        Host findByPort(int port);

        default long countTwice() {
            return count() + count();
        }
    }

    private final TestDatabase db;
    private final List<String> events = new ArrayList<>();
    private Engine engine;
    private HostRepository hosts;

    RepositoryObserverIT(TestDatabase db) {
        this.db = db;
    }

    private RepositoryObserver.Invocation started(Class<?> repository, Method method) {
        String name = repository.getSimpleName() + "." + method.getName();
        events.add("start " + name);
        return new RepositoryObserver.Invocation() {
            @Override
            public void succeeded() {
                events.add("success " + name);
            }

            @Override
            public void failed(Throwable error) {
                events.add("error " + name + " " + error.getClass().getSimpleName());
            }
        };
    }

    private StatementObserver.Execution statement(StatementObserver.Statement statement) {
        events.add("statement " + statement.kind());
        return new StatementObserver.Execution() {
            @Override
            public void succeeded(long rows) {
            }

            @Override
            public void failed(Throwable error) {
            }
        };
    }

    @BeforeEach
    void createHosts() {
        engine = Engine.builder(db.dataSource()).statementObserver(this::statement).build();
        engine.dropAll(Host.class);
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).withObserver(this::started).create(HostRepository.class);
        events.clear();
    }

    @AfterEach
    void dropHosts() {
        engine.dropAll(Host.class);
    }

    @Test
    void aCallIsToldAroundTheStatementsItRuns() {
        hosts.saveAll(List.of(new Host("web-1", 22), new Host("web-2", 22)));

        assertThat(events).as("on %s", db)
                .containsExactly("start HostRepository.saveAll", "statement BATCH", "success HostRepository.saveAll");
    }

    @Test
    void aFailingCallIsToldWithTheErrorTheCallerGets() {
        hosts.saveAll(List.of(new Host("web-1", 22), new Host("web-2", 22)));
        events.clear();

        assertThatThrownBy(() -> hosts.findByPort(22)).isInstanceOf(NonUniqueResultException.class);

        assertThat(events).as("on %s", db).containsExactly("start HostRepository.findByPort", "statement QUERY",
                "error HostRepository.findByPort NonUniqueResultException");
    }

    @Test
    void aDefaultMethodIsOneCallAroundTheCallsItMakes() {
        assertThat(hosts.countTwice()).isZero();

        assertThat(events).as("on %s", db).containsExactly("start HostRepository.countTwice",
                "start HostRepository.count", "statement QUERY", "success HostRepository.count",
                "start HostRepository.count", "statement QUERY", "success HostRepository.count",
                "success HostRepository.countTwice");
    }

    @Test
    void objectMethodsAreNotObserved() {
        assertThat(hosts.toString()).isNotEmpty();
        assertThat(hosts.equals(hosts)).isTrue();
        hosts.hashCode();

        assertThat(events).isEmpty();
    }
}
