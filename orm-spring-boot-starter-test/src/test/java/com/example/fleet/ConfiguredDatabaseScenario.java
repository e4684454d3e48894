package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatements;
import io.quarry.testing.TestDatabase;
import io.quarry.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The slice on the configured database ({@code replace = NONE}), which {@link SliceOnServersIT} runs
 * once per test database through JUnit's engine test kit, naming the database in the system property
 * {@value #DATABASE}; not run on its own. Its last test reads in a loop and must fail.
 */
@QuarryTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@DirtiesContext   // the next run is on another database, which the cached context would not see
@EnabledIfSystemProperty(named = ConfiguredDatabaseScenario.DATABASE, matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConfiguredDatabaseScenario {

    static final String DATABASE = "fleet.test.database";

    private static final Rack A1 = new Rack("a1");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase db = TestDatabases.named(System.getProperty(DATABASE));
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("quarry.ddl-auto", () -> "drop-create");
    }

    @Autowired
    ServerRepository servers;

    @Autowired
    Session session;

    @Autowired
    RecordedStatements statements;

    @Test
    @Order(1)
    void theConfiguredDatabaseIsUsed(@Autowired DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL())
                    .startsWith(TestDatabases.named(System.getProperty(DATABASE)).jdbcUrl().split("[?;]")[0]);
        }
    }

    @Test
    @Order(2)
    void rowsWrittenInATestAreCountedExactly() {
        servers.saveAll(List.of(new Server("web-1", A1, 22), new Server("web-2", A1, 22),
                new Server("db-1", new Rack("b2"), 5432)));
        session.flush();

        assertThat(servers.findByRackOrderByHostname(A1)).extracting(Server::getHostname)
                .containsExactly("web-1", "web-2");
        assertThat(statements).hasCount(2).hasInsertCount(1).hasSelectCount(1);
        assertThat(statements.list().get(0).batchSize()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void theRowsOfTheLastTestWereRolledBack() {
        assertThat(servers.count()).isZero();
        assertThat(statements).hasCount(1).hasSelectCount(1);
    }

    @Test
    @Order(4)
    void readsOneServerPerIdInALoop() {
        Server saved = servers.save(new Server("web-1", A1, 22));
        session.flush();
        for (int i = 0; i < 21; i++) {
            session.clear();
            servers.findById(saved.getId());   // the 21st read fails the test: NPlusOneException
        }
    }
}
