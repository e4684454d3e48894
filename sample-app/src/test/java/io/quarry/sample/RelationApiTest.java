package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Engine;
import io.quarry.session.StatementListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The REST endpoints over relations on embedded H2: a datacenter with its hosts and tags, hosts filtered by
 * region and tag, hosts per region; each with the exact number of statements it costs.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:relations-api;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class RelationApiTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private DatacenterRepository datacenters;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private Engine engine;

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final StatementListener listener = (sql, rows, nanos) -> statements.add(sql);
    private long fra;

    /** fra-1 (eu): web-1 [web], db-1 [db, web]; ams-1 (eu): web-2 [web]; iad-1 (us): web-3 [web]; lost-1 in none. */
    @BeforeEach
    void seed() {
        jdbc.update("delete from host");
        jdbc.update("delete from datacenter");
        jdbc.update("delete from tag");
        Tag web = new Tag("web");
        Tag db = new Tag("db");
        datacenters.saveAll(List.of(
                new Datacenter("fra-1", "eu").addHost(new Host("web-1", "10.0.0.1", "web").tag(web))
                        .addHost(new Host("db-1", "10.0.1.1", "db", 5432).tag(db, web)),
                new Datacenter("ams-1", "eu").addHost(new Host("web-2", "10.0.0.2", "web").tag(web)),
                new Datacenter("iad-1", "us").addHost(new Host("web-3", "10.0.0.3", "web").tag(web))));
        jdbc.update("insert into host (hostname, ip_addr, port, host_group, created_at) "
                + "values ('lost-1', '10.9.0.1', 22, 'web', current_timestamp)");
        fra = jdbc.queryForObject("select id from datacenter where name = 'fra-1'", Long.class);
        engine.addStatementListener(listener);
    }

    @AfterEach
    void stopCounting() {
        engine.removeStatementListener(listener);
    }

    @Test
    void getsADatacenterWithItsHostsAndTheirTagsInThreeStatements() {
        assertThat(mvc.get().uri("/datacenters/" + fra)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.name", v -> v.assertThat().isEqualTo("fra-1"))
                .hasPathSatisfying("$.region", v -> v.assertThat().isEqualTo("eu"))
                .hasPathSatisfying("$.hosts.length()", v -> v.assertThat().isEqualTo(2))
                .hasPathSatisfying("$.hosts[?(@.hostname == 'db-1')].tags[*]",
                        v -> v.assertThat().asList().containsExactlyInAnyOrder("db", "web"))
                .hasPathSatisfying("$.hosts[0].datacenter", v -> v.assertThat().isEqualTo("fra-1"));
        assertThat(statements).as("the datacenter, its hosts, their tags").satisfiesExactly(
                sql -> assertThat(sql).startsWith("select").contains("from datacenter where id = ?"),
                sql -> assertThat(sql).startsWith("select").containsPattern("from host where datacenter_id (in|= any)"),
                sql -> assertThat(sql).startsWith("select").contains("join host_tags"));
    }

    @Test
    void answers404ForAMissingDatacenter() {
        assertThat(mvc.get().uri("/datacenters/999999")).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .hasPathSatisfying("$.error", v -> v.assertThat().isEqualTo("No datacenter with id 999999"));
        assertThat(statements).hasSize(1);
    }

    @Test
    void filtersHostsByTheRegionOfTheirDatacenter() {
        assertThat(mvc.get().uri("/hosts?region=eu")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[*].hostname", v -> v.assertThat().asList()
                        .containsExactly("db-1", "web-1", "web-2"))
                .hasPathSatisfying("$.content[0].datacenter", v -> v.assertThat().isEqualTo("fra-1"))
                .hasPathSatisfying("$.page.totalElements", v -> v.assertThat().isEqualTo(3));
        assertThat(statements).as("the hosts (a LEFT JOIN), their datacenters, their tags; no count for a page "
                + "that is not full").satisfiesExactly(
                sql -> assertThat(sql).startsWith("select").contains("left join datacenter"),
                sql -> assertThat(sql).startsWith("select").containsPattern("from datacenter where id (in|= any)"),
                sql -> assertThat(sql).startsWith("select").contains("join host_tags"));
    }

    @Test
    void filtersHostsByTagWithoutRepeatingAHost() {
        assertThat(mvc.get().uri("/hosts?tag=web&sort=hostname,desc")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[*].hostname", v -> v.assertThat().asList()
                        .containsExactly("web-3", "web-2", "web-1", "db-1"));
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).contains("exists");
    }

    @Test
    void filtersHostsByRegionAndTagTogetherAndPages() {
        assertThat(mvc.get().uri("/hosts?region=eu&tag=web&size=2")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[*].hostname", v -> v.assertThat().asList().containsExactly("db-1", "web-1"))
                .hasPathSatisfying("$.page.totalElements", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$.page.totalPages", v -> v.assertThat().isEqualTo(2));
        assertThat(statements).as("the page, its count, the datacenters, the tags").hasSize(4);
        assertThat(mvc.get().uri("/hosts?region=us&tag=db")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.page.totalElements", v -> v.assertThat().isEqualTo(0));
    }

    @Test
    void listsHostsWithTheirDatacenterAndTagsWithoutFilters() {
        assertThat(mvc.get().uri("/hosts?group=web")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[*].hostname", v -> v.assertThat().asList()
                        .containsExactly("lost-1", "web-1", "web-2", "web-3"))
                .hasPathSatisfying("$.content[0].datacenter", v -> v.assertThat().isNull())
                .hasPathSatisfying("$.content[1].tags", v -> v.assertThat().asList().containsExactly("web"));
        assertThat(statements).as("the page, the datacenters, the tags (@LoadWith)").hasSize(3);
    }

    @Test
    void rejectsAFilterSortPropertyThatIsNotMapped() {
        assertThat(mvc.get().uri("/hosts?region=eu&sort=hostname; drop table host")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(statements).isEmpty();
    }

    @Test
    void countsHostsPerRegion() {
        assertThat(mvc.get().uri("/hosts/stats/by-region")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[0].region", v -> v.assertThat().isEqualTo("eu"))
                .hasPathSatisfying("$[0].hosts", v -> v.assertThat().isEqualTo(3))
                .hasPathSatisfying("$[1].hosts", v -> v.assertThat().isEqualTo(1))
                .hasPathSatisfying("$.length()", v -> v.assertThat().isEqualTo(2));
        assertThat(statements).singleElement().asString().contains("group by");
    }
}
