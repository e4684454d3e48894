package io.quarry.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Session;
import io.quarry.spring.test.QuarryTest;
import io.quarry.spring.test.RecordedStatements;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

// README: quarry-test
@QuarryTest                                   // persistence beans only, embedded H2, each test rolled back
class HostRepositoryTest {
    @Autowired HostRepository hosts;
    @Autowired Session session;
    @Autowired RecordedStatements statements; // the statements Quarry ran in this test

    @Test
    void savesInOneBatchAndReadsInOneQuery() {
        hosts.saveAll(List.of(new Host("web-1", "10.0.0.1"), new Host("web-2", "10.0.0.2")));
        session.flush();                      // writes go out at a flush; a test never commits

        assertThat(hosts.findTop3ByHostnameStartingWith("web-")).hasSize(2);
        assertThat(statements).hasCount(2).hasInsertCount(1).hasSelectCount(1)
                .noneMatch(sql -> sql.contains("web-1"));   // values are bound, never in the SQL
    }
}
// END
