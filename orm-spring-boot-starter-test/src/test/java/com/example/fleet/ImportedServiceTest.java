package com.example.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** A bean the slice leaves out joins the test through {@code @Import}, and the test's transaction. */
@QuarryTest
@Import(ServerService.class)
class ImportedServiceTest {

    @Autowired
    ServerService service;

    @Autowired
    ServerRepository servers;

    @Autowired
    Session session;

    @Autowired
    RecordedStatements statements;

    @Test
    void anImportedServiceRunsInTheTestsTransaction() {
        Rack rack = new Rack("c3");
        servers.saveAll(List.of(new Server("web-1", rack, 22), new Server("web-2", rack, 22)));
        session.flush();
        statements.clear();

        assertThat(service.renumber(rack, 2200)).isEqualTo(2);
        session.flush();

        assertThat(statements).as("one read, one batch of two updates").hasCount(2).hasSelectCount(1)
                .hasUpdateCount(1);
        assertThat(statements.list().get(1).batchSize()).isEqualTo(2);
        assertThat(servers.findByHostname("web-2")).get().extracting(Server::getPort).isEqualTo(2200);
    }
}
