package io.quarry.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Runs the README's {@code @Query} collection samples on H2, with the SQL each call sends. */
class ReadmeCollectionSamplesTest {

    @Test
    void collectionArgumentsOfQueryMethodsRunOnH2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:readme-collections;DB_CLOSE_DELAY=-1");
        Engine engine = Engine.create(dataSource);
        engine.createAll(Host.class);
        HostLookupRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostLookupRepository.class);
        Host db = new Host("db-1", "10.0.1.1");
        db.setPort(5432);
        hosts.saveAll(List.of(new Host("web-1", "10.0.0.1"), new Host("web-2", "10.0.0.2"), db));
        List<String> statements = new CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));

        assertThat(hosts.findNamed(List.of("web-1", "db-1", "nope"))).extracting(Host::getHostname)
                .containsExactly("db-1", "web-1");
        assertThat(hosts.findNamed(List.of("web-1", "db-1", "web-2", "nope"))).hasSize(3);
        assertThat(hosts.findNamed(List.of())).isEmpty();
        assertThat(hosts.findOnPorts(22, 5432)).hasSize(3);
        assertThat(statements).containsExactly(
                "select * from host where hostname in (?, ?, ?, ?) order by hostname",
                "select * from host where hostname in (?, ?, ?, ?) order by hostname",
                "select * from host where hostname in (null) order by hostname",
                "select * from host where port = any(?) order by hostname");
        engine.dropAll(Host.class);
    }
}
