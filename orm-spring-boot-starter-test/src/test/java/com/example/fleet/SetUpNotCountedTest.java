package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The statements of {@code @BeforeEach} set-up, flushed there, are not the test's. */
@QuarryTest
class SetUpNotCountedTest {

    @Autowired
    ServerRepository servers;

    @Autowired
    Session session;

    @Autowired
    RecordedStatements statements;

    @BeforeEach
    void twoServers() {
        servers.save(new Server("web-1", new Rack("a1"), 22));
        servers.save(new Server("web-2", new Rack("a1"), 22));
        session.flush();
        servers.findByHostname("web-1");
        assertThat(statements.count()).as("set-up statements are recorded while it runs").isPositive();
    }

    @Test
    void theTestStartsWithNoStatementsRecordedAndSeesTheSetUpsRows() {
        assertThat(statements).isEmpty();

        assertThat(servers.findByRackOrderByHostname(new Rack("a1"))).hasSize(2);

        assertThat(statements).hasCount(1).hasSelectCount(1);
    }

    @Test
    void pendingSetUpWritesGoOutAtTheTestsFirstQueryAndAreCountedThere() {
        servers.save(new Server("db-1", new Rack("b2"), 5432));

        assertThat(servers.count()).isEqualTo(3);

        assertThat(statements).as("the autoflush's insert, then the count").hasCount(2).hasInsertCount(1)
                .hasSelectCount(1);
    }
}
