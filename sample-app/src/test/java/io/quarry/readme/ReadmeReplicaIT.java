package io.quarry.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.replica.ReadReplicas;
import io.quarry.spring.replica.ReplicaStatistics;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import io.quarry.testing.TestReplica;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's read-replica sample ({@link HostReport}) with the sample application's {@code replicas} profile,
 * its URLs pointed at the PostgreSQL test server and its streaming replica ({@link TestReplica}).
 */
@CrossDatabaseTest
class ReadmeReplicaIT {

    private final TestDatabase db;

    ReadmeReplicaIT(TestDatabase db) {
        this.db = db;
    }

    /** A schema of its own: the sample application's tables of the same names (WalkthroughIT) stay out of the way. */
    private static final String SCHEMA = "readme_replica";

    @AfterEach
    void dropSchema() throws SQLException {
        if (db.name().equals("postgresql")) {
            try (Connection connection = db.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }

    @Test
    void readsRunOnTheReplicaExceptRightAfterTheThreadsOwnWrite() throws Exception {
        Assumptions.assumeTrue(db.name().equals("postgresql"), "the sample's profile is PostgreSQL's");
        TestReplica replica = TestReplica.of(db);
        try (Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("create schema if not exists " + SCHEMA);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ReadmeApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("replicas")
                .run("--spring.datasource.url=" + inSchema(db.jdbcUrl()), "--spring.datasource.username=" + db.user(),
                        "--spring.datasource.password=" + db.password(), "--spring.main.banner-mode=off",
                        "--quarry.ddl-auto=drop-create", "--quarry.replicas.nodes[0].url=" + inSchema(replica.url()),
                        "--quarry.replicas.nodes[0].username=" + db.user(),
                        "--quarry.replicas.nodes[0].password=" + db.password())) {
            HostService service = context.getBean(HostService.class);
            HostReport report = context.getBean(HostReport.class);
            ReadReplicas replicas = context.getBean(ReadReplicas.class);

            service.register("web-1", "10.0.0.1");
            HostReport.Summary ownWrite = report.summary();
            replica.awaitReplay();
            HostReport.Summary elsewhere = CompletableFuture.supplyAsync(report::summary).get();
            boolean found = CompletableFuture.supplyAsync(() -> report.find("web-1").isPresent()).get();

            assertThat(ownWrite).as("read-your-writes: the primary").isEqualTo(new HostReport.Summary(1, 1));
            assertThat(elsewhere).as("another thread: the replica").isEqualTo(new HostReport.Summary(1, 1));
            assertThat(found).isTrue();
            assertThat(replicas.statistics()).isEqualTo(new ReplicaStatistics(2, 0, 1, 0));
            assertThat(replicas.names()).containsExactly("quarry-replica-1 (" + inSchema(replica.url()) + ")");
        }
    }

    private static String inSchema(String url) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }
}
