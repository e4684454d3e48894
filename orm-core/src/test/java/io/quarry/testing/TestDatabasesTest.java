package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Unit tests of the selection rules; the only servers involved are deliberately closed loopback ports. */
class TestDatabasesTest {

    /** Loopback port 1: nothing listens there, so a connection is refused at once. */
    private static final String DEAD_MYSQL = "jdbc:mysql://127.0.0.1:1/quarry_test";
    private static final String DEAD_POSTGRESQL = "jdbc:postgresql://127.0.0.1:1/quarry_test";

    @Test
    void unsetOrBlankMeansAutomatic() {
        assertThat(TestDatabases.parse(null)).isNull();
        assertThat(TestDatabases.parse("")).isNull();
        assertThat(TestDatabases.parse("  ")).isNull();
    }

    @Test
    void unresolvedMavenPlaceholderMeansAutomatic() {
        assertThat(TestDatabases.parse("${env.QUARRY_TEST_DATABASES}")).isNull();
    }

    @Test
    void parsesCommaListIgnoringCaseBlanksAndDuplicatesInCanonicalOrder() {
        assertThat(TestDatabases.parse("h2")).containsExactly("h2");
        assertThat(TestDatabases.parse("postgresql, MySQL ,h2,,h2")).containsExactly("h2", "mysql", "postgresql");
        assertThat(TestDatabases.parse("postgresql")).containsExactly("postgresql");
    }

    @Test
    void unknownNameIsAClearErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> TestDatabases.parse("h2,oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oracle'")
                .hasMessageContaining("QUARRY_TEST_DATABASES=h2,oracle")
                .hasMessageContaining("h2, mysql, postgresql");
    }

    @Test
    void namedRejectsAnUnknownNameTheSameWay() {
        assertThatThrownBy(() -> TestDatabases.named("oracle"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'oracle'")
                .hasMessageContaining("h2, mysql, postgresql");
    }

    @Test
    void listWithoutAnyNameIsAnError() {
        assertThatThrownBy(() -> TestDatabases.parse(" , "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no database")
                .hasMessageContaining("h2, mysql, postgresql");
    }

    @Test
    void automaticSelectionOffersAllThreeAndRequiresOnlyH2() {
        Map<String, TestDatabase> selected = TestDatabases.select(Map.of());

        assertThat(selected).containsOnlyKeys("h2", "mysql", "postgresql");
        assertThat(selected.values()).extracting(TestDatabase::toString).containsExactly("h2", "mysql", "postgresql");
    }

    @Test
    void explicitSelectionRunsOnlyTheNamedDatabases() {
        assertThat(TestDatabases.select(Map.of("QUARRY_TEST_DATABASES", "h2")))
                .containsOnlyKeys("h2");
        assertThat(TestDatabases.select(Map.of("QUARRY_TEST_DATABASES", "postgresql,h2")))
                .containsOnlyKeys("h2", "postgresql");
    }

    @Test
    void defaultsMatchTheLocalServers() {
        Map<String, TestDatabase> selected = TestDatabases.select(Map.of());

        TestDatabase h2 = selected.get("h2");
        assertThat(h2.jdbcUrl()).isEqualTo("jdbc:h2:mem:quarry;DB_CLOSE_DELAY=-1");
        assertThat(h2.user()).isEqualTo("sa");
        assertThat(h2.password()).isEmpty();
        TestDatabase mysql = selected.get("mysql");
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:3306/quarry_test");
        assertThat(mysql.user()).isEqualTo("root");
        assertThat(mysql.password()).isEmpty();
        TestDatabase postgresql = selected.get("postgresql");
        assertThat(postgresql.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/quarry_test");
        assertThat(postgresql.user()).isEqualTo("postgres");
        assertThat(postgresql.password()).isEmpty();
    }

    @Test
    void environmentOverridesUrlUserAndPassword() {
        Map<String, TestDatabase> selected = TestDatabases.select(Map.of(
                "QUARRY_MYSQL_URL", "jdbc:mysql://db.example:3307/x",
                "QUARRY_MYSQL_USER", "quarry",
                "QUARRY_MYSQL_PASSWORD", "secret",
                "QUARRY_POSTGRESQL_URL", "jdbc:postgresql://db.example:5433/y",
                "QUARRY_POSTGRESQL_USER", "pg",
                "QUARRY_POSTGRESQL_PASSWORD", "pw"));

        assertThat(selected.get("mysql"))
                .extracting(TestDatabase::jdbcUrl, TestDatabase::user, TestDatabase::password)
                .containsExactly("jdbc:mysql://db.example:3307/x", "quarry", "secret");
        assertThat(selected.get("postgresql"))
                .extracting(TestDatabase::jdbcUrl, TestDatabase::user, TestDatabase::password)
                .containsExactly("jdbc:postgresql://db.example:5433/y", "pg", "pw");
    }

    @Test
    void unreachableServerIsASkipWithoutTheVariable() {
        TestDatabase mysql = TestDatabases.select(Map.of("QUARRY_MYSQL_URL", DEAD_MYSQL)).get("mysql");

        Availability availability = mysql.availability();

        assertThat(availability.reachable()).isFalse();
        assertThat(availability.reason())
                .startsWith("mysql skipped: cannot connect to " + DEAD_MYSQL + " as root (")
                .contains("Connection refused")
                .endsWith("set QUARRY_TEST_DATABASES=h2,mysql,postgresql to make this a failure");
        assertThatThrownBy(mysql::dataSource)
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(availability.reason());
    }

    @Test
    void unreachableServerIsAFailureWhenTheVariableNamesIt() {
        TestDatabase postgresql = TestDatabases.select(Map.of(
                "QUARRY_TEST_DATABASES", "h2,postgresql",
                "QUARRY_POSTGRESQL_URL", DEAD_POSTGRESQL)).get("postgresql");

        Availability availability = postgresql.availability();

        assertThat(availability.reachable()).isFalse();
        assertThat(availability.reason())
                .startsWith("postgresql is required by QUARRY_TEST_DATABASES=h2,postgresql but cannot connect to "
                        + DEAD_POSTGRESQL + " as postgres (")
                .contains("Connection refused")
                .contains("QUARRY_POSTGRESQL_URL");
        assertThatThrownBy(postgresql::dataSource)
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining(availability.reason());
    }

    @Test
    void describeUsesTheInnermostCauseOnOneLine() {
        SQLException error = new SQLException("Communications link failure\n\nThe last packet ...",
                new ConnectException("Connection refused"));

        assertThat(TestDatabase.describe(error)).isEqualTo("Connection refused");
        assertThat(TestDatabase.describe(new SQLException("Access denied\n for 'root'"))).isEqualTo("Access denied for 'root'");
    }
}
