package io.quarry.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The walkthrough runs to the end and prints each step's SQL, statement count and result, on every database,
 * the relationship steps included.
 */
@CrossDatabaseTest
class WalkthroughIT {

    private static final String NL = System.lineSeparator();

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
                .contains("   SQL  create table datacenter (")
                .contains("   SQL  create table host_tags (")
                .contains("   SQL  alter table host add constraint fk_host_datacenter_id foreign key (datacenter_id) "
                        + "references datacenter (id)")
                .contains("   SQL  insert into host (hostname, ip_addr, port, host_group, created_at, datacenter_id) "
                        + "values (?, ?, ?, ?, ?, ?)   -- batch of 5")
                .contains("temp-1 after the rollback: gone")
                .contains("   SQL  select id, hostname, ip_addr, port, host_group, created_at, datacenter_id from host "
                        + "where hostname = ?")
                .contains("web-1 (10.0.0.1:22, web)")
                .contains("cache-1 (10.0.2.1:6379, cache)")
                .contains("GroupCount[group=cache, hosts=1]")
                .contains("   SQL  update host set port = ? where host_group = ?")
                .contains("2 hosts moved")
                .contains("   SQL  delete from host where host_group = ?")
                .contains("2 hosts deleted")
                .contains(step("Save two datacenters with their hosts and tags in one call (cascade)",
                        "   SQL  insert into datacenter (name, region) values (?, ?)   -- batch of 2",
                        "   SQL  insert into host (hostname, ip_addr, port, host_group, created_at, datacenter_id) "
                                + "values (?, ?, ?, ?, ?, ?)   -- batch of 4",
                        "   SQL  insert into tag (name) values (?)   -- batch of 2",
                        "   SQL  insert into host_tags (host_id, tag_id) values (?, ?)   -- batch of 5",
                        "   4 statements"))
                .contains(step("Load the datacenters of region 'eu' with their hosts and tags (@LoadWith)",
                        "   SQL  select id, name, region from datacenter where region = ? order by name asc"))
                .contains("   3 statements" + NL + "   ->   1 row" + NL + "        fra-1 (eu): web-3 [web], web-4 [web], "
                        + "db-3 [web, db]")
                .contains("left join datacenter j1 on j1.id = host.datacenter_id where j1.region = ?")
                .contains("        db-3 in fra-1 (eu)" + NL + "        web-3 in fra-1 (eu)" + NL
                        + "        web-4 in fra-1 (eu)")
                .contains("where exists (select 1 from host_tags")
                .contains("        RegionCount[region=eu, hosts=3]" + NL + "        RegionCount[region=us, hosts=1]")
                .contains("   SQL  update host set datacenter_id = ? where id = ?" + NL + "   4 statements" + NL
                        + "   ->   web-4 is in iad-1 (us)")
                .contains("   SQL  delete from host_tags where host_id = ?" + NL + "   SQL  delete from host where id = ?")
                .contains("   ->   fra-1 (eu): web-3 [web]")
                .contains("        fra-1 (eu): web-3 [web]" + NL + "        iad-1 (us): web-4 [web], web-5 [web]")
                .endsWith("Done." + NL);
    }

    /** A step's title line followed by its first lines of output. */
    private static String step(String title, String... lines) {
        return ". " + title + NL + String.join(NL, lines);
    }
}
