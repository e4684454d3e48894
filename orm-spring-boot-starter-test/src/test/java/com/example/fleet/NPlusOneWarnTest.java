package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A test that reads in a loop on purpose says so in its properties. */
@QuarryTest(properties = "quarry.n-plus-one.mode=warn")
class NPlusOneWarnTest {

    @Autowired
    ServerRepository servers;

    @Autowired
    Session session;

    @Autowired
    RecordedStatements statements;

    @Test
    void theTestsPropertiesOverrideTheStrictDefault() {
        Server saved = servers.save(new Server("web-1", new Rack("a1"), 22));
        session.flush();
        statements.clear();

        for (int i = 0; i < 25; i++) {
            session.clear();
            assertThat(servers.findById(saved.getId())).isPresent();
        }

        assertThat(statements).hasCount(25).hasSelectCount(25);
    }
}
