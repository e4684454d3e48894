package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The walkthrough runs to the end and prints each step's SQL and result, on every database. */
@CrossDatabaseTest
class WalkthroughIT {

    private final TestDatabase db;

    WalkthroughIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void walksThroughEveryStepAndExitsZero() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exitCode = SampleApplication.runWalkthrough(new PrintStream(buffer, true, StandardCharsets.UTF_8),
                "--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password());
        String output = buffer.toString(StandardCharsets.UTF_8);
        System.out.println(output);
        assertThat(exitCode).as("exit code on %s", db).isZero();
        assertThat(output).as("on %s", db)
                .contains("1. Create the tables (create_all)")
                .contains("   SQL  create table host (")
                .contains("2. Insert hosts and commit")
                .contains("   SQL  insert into host (hostname, ip_addr, port, host_group, created_at) values (?, ?, ?, ?, ?)"
                        + "   -- batch of 5")
                .contains("temp-1 after the rollback: gone")
                .contains("   SQL  select id, hostname, ip_addr, port, host_group, created_at from host where hostname = ?")
                .contains("web-1 (10.0.0.1:22, web)")
                .contains("cache-1 (10.0.2.1:6379, cache)")
                .contains("GroupCount[group=cache, hosts=1]")
                .contains("   SQL  update host set port = ? where host_group = ?")
                .contains("2 hosts moved")
                .contains("   SQL  delete from host where host_group = ?")
                .contains("2 hosts deleted")
                .endsWith("Done." + System.lineSeparator());
    }
}
