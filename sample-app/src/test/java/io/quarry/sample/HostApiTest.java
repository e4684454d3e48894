package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The REST API on embedded H2: every endpoint, bad input (400), missing hosts (404), duplicates (409). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:hosts-api;DB_CLOSE_DELAY=-1")
@AutoConfigureMockMvc
class HostApiTest {

    @Autowired
    private MockMvcTester mvc;

    @Autowired
    private HostService service;

    @Autowired
    private JdbcTemplate jdbc;

    private long web1;

    @BeforeEach
    void seed() {
        jdbc.update("delete from host");
        service.addAll(java.util.List.of(new Host("web-1", "10.0.0.1", "web"), new Host("web-2", "10.0.0.2", "web", 2222),
                new Host("db-1", "10.0.1.1", "db", 5432)));
        web1 = jdbc.queryForObject("select id from host where hostname = 'web-1'", Long.class);
    }

    @Test
    void listsHostsFilteredPagedAndSorted() {
        assertThat(mvc.get().uri("/hosts?group=web&sort=hostname,desc"))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[0].hostname", v -> v.assertThat().isEqualTo("web-2"))
                .hasPathSatisfying("$.page.totalElements", v -> v.assertThat().isEqualTo(2));
        assertThat(mvc.get().uri("/hosts?portFrom=1000&portTo=6000&size=1"))
                .hasStatusOk().bodyJson()
                .hasPathSatisfying("$.content[0].hostname", v -> v.assertThat().isEqualTo("db-1"))
                .hasPathSatisfying("$.page.totalPages", v -> v.assertThat().isEqualTo(2));
    }

    @Test
    void rejectsASortPropertyThatIsNotMapped() {
        assertThat(mvc.get().uri("/hosts?sort=hostname; drop table host")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(jdbc.queryForObject("select count(*) from host", Integer.class)).isEqualTo(3);
    }

    @Test
    void answersAMisspelledSortWith400NamingTheNearestPropertyButNoRepositoryMethod() {
        assertThat(mvc.get().uri("/hosts?sort=hostnme,desc")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .isStrictlyEqualTo("""
                        {"status": 400, "error": "cannot sort by 'hostnme': no such property; did you mean 'hostname'?"}""");
    }

    @Test
    void boundsPageParametersInsteadOfFailing() {
        for (String query : new String[] {"size=0", "size=-5", "page=-1", "page=x&size=y"}) {
            assertThat(mvc.get().uri("/hosts?" + query)).as(query).hasStatusOk().bodyJson()
                    .hasPathSatisfying("$.page.size", v -> v.assertThat().isEqualTo(20))
                    .hasPathSatisfying("$.page.number", v -> v.assertThat().isEqualTo(0))
                    .hasPathSatisfying("$.page.totalElements", v -> v.assertThat().isEqualTo(3));
        }
        assertThat(mvc.get().uri("/hosts?size=1000000")).as("quarry.web.max-page-size").hasStatusOk().bodyJson()
                .hasPathSatisfying("$.page.size", v -> v.assertThat().isEqualTo(2000));
    }

    @Test
    void refusesAFractionalPortInsteadOfTruncatingIt() {
        assertThat(mvc.post().uri("/hosts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"cache-1\",\"ipAddr\":\"10.0.2.1\",\"port\":1.5}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .isStrictlyEqualTo("""
                        {"status": 400, "error": "invalid value for 'port'"}""");
        assertThat(mvc.post().uri("/hosts").contentType(MediaType.APPLICATION_JSON).content("{\"hostname\":"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.error", v -> v.assertThat().isEqualTo("the request body is not valid JSON"));
        assertThat(jdbc.queryForObject("select count(*) from host", Integer.class)).isEqualTo(3);
    }

    @Test
    void getsOneHostOr404() {
        assertThat(mvc.get().uri("/hosts/" + web1)).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.ipAddr", v -> v.assertThat().isEqualTo("10.0.0.1"));
        assertThat(mvc.get().uri("/hosts/999999")).hasStatus(HttpStatus.NOT_FOUND).bodyJson()
                .hasPathSatisfying("$.error", v -> v.assertThat().isEqualTo("No host with id 999999"));
    }

    @Test
    void createsAHost() {
        assertThat(mvc.post().uri("/hosts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"cache-1\",\"ipAddr\":\"10.0.2.1\",\"port\":6379,\"group\":\"cache\"}"))
                .hasStatus(HttpStatus.CREATED).bodyJson()
                .hasPathSatisfying("$.id", v -> v.assertThat().isNotNull());
        assertThat(jdbc.queryForObject("select port from host where hostname = 'cache-1'", Integer.class)).isEqualTo(6379);
    }

    @Test
    void rejectsInvalidInputWithAReadableBody() {
        assertThat(mvc.post().uri("/hosts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"\",\"ipAddr\":\"not an ip\",\"port\":70000}"))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
                .hasPathSatisfying("$.fields.hostname", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.fields.ipAddr", v -> v.assertThat().isEqualTo("must be an IP address"))
                .hasPathSatisfying("$.fields.port", v -> v.assertThat().isNotNull());
    }

    @Test
    void refusesADuplicateHostnameWith409() {
        assertThat(mvc.post().uri("/hosts").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"web-1\",\"ipAddr\":\"10.7.7.7\"}"))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void updatesAHostOr404() {
        assertThat(mvc.put().uri("/hosts/" + web1).contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"web-1\",\"ipAddr\":\"10.0.0.1\",\"port\":8022,\"group\":\"web\"}"))
                .hasStatusOk().bodyJson().hasPathSatisfying("$.port", v -> v.assertThat().isEqualTo(8022));
        assertThat(jdbc.queryForObject("select port from host where id = ?", Integer.class, web1)).isEqualTo(8022);
        assertThat(mvc.put().uri("/hosts/999999").contentType(MediaType.APPLICATION_JSON)
                .content("{\"hostname\":\"x\",\"ipAddr\":\"10.0.0.9\"}")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void deletesAHostOr404() {
        assertThat(mvc.delete().uri("/hosts/" + web1)).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select count(*) from host", Integer.class)).isEqualTo(2);
        assertThat(mvc.delete().uri("/hosts/" + web1)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void countsHostsByGroup() {
        assertThat(mvc.get().uri("/hosts/stats/by-group")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$[0].group", v -> v.assertThat().isEqualTo("db"))
                .hasPathSatisfying("$[1].hosts", v -> v.assertThat().isEqualTo(2));
    }
}
