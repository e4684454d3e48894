package io.quarry.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing the dialect from what JDBC metadata reports, or by name. */
class DialectsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "H2, 2.3.232 (2024-08-11), h2",
            "PostgreSQL, 15.20 (Debian 15.20-0+deb12u1), postgresql",
            "MySQL, 8.0.36, mysql",
            "MySQL, 5.5.5-10.11.19-MariaDB, mariadb",
            "MySQL, 5.5.5-10.11.19-MariaDB-0+deb12u1, mariadb",
            "MariaDB, 11.4.2-MariaDB, mariadb",
            "MySQL, 8.0.11-TiDB-v7.5.1, tidb",
            "MySQL, 5.7.25-TiDB-v6.5.0, tidb",
            "MySQL, 8.0.30-Vitess, vitess",
            "MySQL, 8.0.34-vitess-18.0.0, vitess",
            "PostgreSQL, 11.2-YB-2.18.0.1-b0, yugabytedb",
            "PostgreSQL, 15.2-YB-2024.2.0.0-b0, yugabytedb",
            "PostgreSQL, 13.0.0, postgresql",
    })
    void detectsTheDialectFromProductAndVersion(String product, String version, String dialect) {
        assertThat(Dialects.detect(product, version).name()).isEqualTo(dialect);
    }

    @Test
    void detectsTheRightClasses() {
        assertThat(Dialects.detect("H2", "2.3.232")).isInstanceOf(H2Dialect.class);
        assertThat(Dialects.detect("PostgreSQL", "16.1")).isInstanceOf(PostgresDialect.class);
        assertThat(Dialects.detect("MySQL", "8.0.36")).isInstanceOfSatisfying(MySqlDialect.class,
                mySql -> assertThat(mySql.isMariaDb()).isFalse());
        assertThat(Dialects.detect("MySQL", "5.5.5-10.11.19-MariaDB")).isInstanceOfSatisfying(MySqlDialect.class,
                mySql -> assertThat(mySql.isMariaDb()).isTrue());
    }

    @Test
    void rejectsAnUnknownProductNamingItAndTheSupportedOnes() {
        assertThatThrownBy(() -> Dialects.detect("Oracle", "23.4"))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Quarry does not support the database 'Oracle' (version 23.4); supported: H2 2.x, MySQL 8+,"
                        + " MariaDB 10.6+, PostgreSQL 13+, and CockroachDB, YugabyteDB, TiDB and Vitess through their"
                        + " PostgreSQL or MySQL protocol. Name a dialect explicitly only if the database is compatible"
                        + " with one of them (h2, mysql, mariadb, postgresql, cockroachdb, yugabytedb, tidb, vitess)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"h2, h2", "H2, h2", "mysql, mysql", "mariadb, mariadb", "postgresql, postgresql", "postgres, postgresql",
            "tidb, tidb", "TiDB, tidb", "vitess, vitess", "planetscale, vitess", "cockroachdb, cockroachdb",
            "cockroach, cockroachdb", "yugabytedb, yugabytedb", "yugabyte, yugabytedb"})
    void findsTheDialectByName(String name, String dialect) {
        assertThat(Dialects.named(name).name()).isEqualTo(dialect);
    }

    @Test
    void rejectsAnUnknownName() {
        assertThatThrownBy(() -> Dialects.named("oracle"))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Unknown dialect 'oracle'; supported: h2, mysql, mariadb, postgresql, cockroachdb,"
                        + " yugabytedb, tidb, vitess");
    }

    @Test
    void givesEachFlavourItsOwnClassAndFlavour() {
        assertThat(Dialects.detect("MySQL", "8.0.11-TiDB-v7.5.1")).isInstanceOfSatisfying(MySqlDialect.class,
                tidb -> {
                    assertThat(tidb.flavour()).isEqualTo(MySqlDialect.Flavour.TIDB);
                    assertThat(tidb.isMariaDb()).isFalse();
                });
        assertThat(Dialects.named("cockroachdb")).isInstanceOfSatisfying(PostgresDialect.class,
                crdb -> assertThat(crdb.flavour()).isEqualTo(PostgresDialect.Flavour.COCKROACHDB));
        assertThat(Dialects.detect("PostgreSQL", "16.1")).isInstanceOfSatisfying(PostgresDialect.class,
                postgres -> assertThat(postgres.flavour()).isEqualTo(PostgresDialect.Flavour.POSTGRESQL));
    }
}
