package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NPlusOneException;
import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatement;
import io.quarry.spring.test.RecordedStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** The slice as a user meets it, on the embedded database that replaces the configured server. */
@QuarryTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerRepositoryTest {

    private static final Rack A1 = new Rack("a1");

    @Autowired
    ServerRepository servers;

    @Autowired
    Session session;

    @Autowired
    RecordedStatements statements;

    @Autowired
    ApplicationContext context;

    @Test
    @Order(1)
    void aRowSavedInOneTestIsSeenInThatTest() {
        servers.save(new Server("web-1", A1, 22));

        assertThat(servers.findByHostname("web-1")).get().extracting(Server::getRack).isEqualTo(A1);
    }

    @Test
    @Order(2)
    void theNextTestStartsFromAnEmptyTableBecauseTheLastOneRolledBack() {
        assertThat(servers.findByHostname("web-1")).isEmpty();
        assertThat(servers.count()).isZero();
    }

    @Test
    void theEmbeddedDatabaseReplacesTheConfiguredServer(@Autowired DataSource dataSource,
            @Autowired Environment environment) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
        }
        assertThat(environment.getProperty("spring.datasource.url")).contains("fleet-db.invalid");
    }

    @Test
    void statementsAreTheTestsOwnWithExactCountsAndBatchSizes() {
        assertThat(statements).isEmpty();

        servers.saveAll(List.of(new Server("web-1", A1, 22), new Server("web-2", A1, 22),
                new Server("db-1", new Rack("b2"), 5432)));
        session.flush();
        List<Server> inA1 = servers.findByRackOrderByHostname(A1);

        assertThat(inA1).extracting(Server::getHostname).containsExactly("web-1", "web-2");
        assertThat(statements).hasCount(2).hasInsertCount(1).hasSelectCount(1)
                .allMatch(sql -> sql.contains("fleet_server"), "naming fleet_server")
                .noneMatch(sql -> sql.contains("web-1"), "holding a value")
                .containsSqlMatching("^select .* from fleet_server where rack = \\? order by hostname");
        assertThat(statements.list()).extracting(RecordedStatement::kind, RecordedStatement::batchSize)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RecordedStatement.Kind.INSERT, 3),
                        org.assertj.core.groups.Tuple.tuple(RecordedStatement.Kind.SELECT, 1));
    }

    @Test
    void aReadInALoopFailsTheTestBecauseTheSliceMakesTheDetectorStrict() {
        List<Server> saved = servers.saveAll(List.of(new Server("web-1", A1, 22), new Server("web-2", A1, 22)));
        session.flush();
        session.clear();   // so that each findById below has to read its row

        assertThatThrownBy(() -> {
            for (int i = 0; i < 21; i++) {
                session.clear();
                servers.findById(saved.get(i % 2).getId());
            }
        }).hasRootCauseInstanceOf(NPlusOneException.class)
                .rootCause().hasMessageContaining("more than the threshold of 20");
        assertThat(statements).as("the 21st read was refused before it reached the database").hasSelectCount(20);
    }

    @Test
    void onlyTheRepositoriesAndTheEngineCustomizersOfTheApplicationAreBeans() {
        assertThat(context.getBeanNamesForType(ServerService.class)).as("@Service beans").isEmpty();
        assertThat(context.getBeanNamesForType(FleetCodecs.class)).as("QuarryEngineCustomizer beans").hasSize(1);
        assertThat(context.getBeanNamesForType(ServerRepository.class)).hasSize(1);
        assertThat(context.getBeanNamesForType(JdbcTemplate.class)).hasSize(1);
    }
}
