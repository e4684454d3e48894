package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /actuator/quarry} and the Quarry timers over HTTP, on embedded H2: the mapping, the repositories with
 * the SQL of their methods, statement statistics and the N+1 findings, and never a value of the data.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:quarry-endpoint;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class QuarryEndpointTest {

    private static final String SECRET_IP = "10.47.11.99";

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private HostRepository hosts;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void seed() {
        jdbc.update("delete from host");
        hosts.save(new Host("endpoint-1", SECRET_IP, "web"));
    }

    @Test
    void showsEntitiesRepositoriesStatisticsAndFindingsWithoutValues() {
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < 21; i++) {
                hosts.findByHostname("endpoint-" + i);      // one read per name: an N+1 the detector reports
            }
        });

        var response = assertThat(mvc.get().uri("/actuator/quarry")).hasStatusOk();
        response.bodyText().doesNotContain(SECRET_IP).doesNotContain("endpoint-1");
        response.bodyJson()
                .hasPathSatisfying("$.entities[?(@.type == 'io.quarry.sample.Host')].table",
                        table -> table.assertThat().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                .containsExactly("host"))
                .hasPathSatisfying("$.entities[?(@.type == 'io.quarry.sample.Host')].columns[*].column",
                        columns -> columns.assertThat().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                .contains("hostname", "ip_addr", "datacenter_id"))
                .hasPathSatisfying("$.repositories[?(@.type == 'io.quarry.sample.HostRepository')].methods"
                        + "[?(@.method == 'findByHostname(String)')].sql[*]",
                        sql -> sql.assertThat().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                .anySatisfy(text -> assertThat((String) text).contains("from host")
                                        .contains("hostname = ?")))
                .hasPathSatisfying("$.repositories[?(@.type == 'io.quarry.sample.HostRepository')].methods"
                        + "[?(@.method == 'inSubnet(String)')].kind",
                        kind -> kind.assertThat().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                                .containsExactly("query"))
                .hasPathSatisfying("$.statements.byKind.query.count",
                        count -> count.assertThat().asNumber().satisfies(n -> assertThat(n.longValue()).isGreaterThan(20)))
                .hasPathSatisfying("$.nPlusOne.findings[-1].count", count -> count.assertThat().isEqualTo(21))
                .hasPathSatisfying("$.nPlusOne.findings[-1].sql",
                        sql -> sql.assertThat().asString().contains("from host").contains("hostname = ?"));
    }

    @Test
    void statementsAndRepositoryCallsAreTimedInTheMetricsEndpoint() {
        hosts.findByHostname("endpoint-1");

        assertThat(mvc.get().uri("/actuator/metrics/quarry.statement?tag=kind:query")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.availableTags[*].tag", tags -> tags.assertThat()
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("outcome"));
        assertThat(mvc.get().uri("/actuator/metrics/quarry.repository.invocations"
                + "?tag=repository:HostRepository&tag=method:findByHostname&tag=state:SUCCESS")).hasStatusOk();
        assertThat(List.of("sql", "rows")).allSatisfy(highCardinality -> assertThat(
                mvc.get().uri("/actuator/metrics/quarry.statement")).bodyText().doesNotContain("\"" + highCardinality + "\""));
    }
}
