package io.quarry.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.dialect.PostgresDialect;
import org.junit.jupiter.api.Test;

/** How a migration script names a table or column it only knows from the database. */
class SchemaChangesTest {

    @Test
    void aNameTheDatabaseFoldedIsWrittenInLowerCase() {
        assertThat(SchemaChanges.writable(new H2Dialect(), "LEGACY_2")).isEqualTo("legacy_2");
        assertThat(SchemaChanges.writable(new PostgresDialect(), "legacy_2")).isEqualTo("legacy_2");
        assertThat(SchemaChanges.writable(new MySqlDialect(false), "legacy_2")).isEqualTo("legacy_2");
    }

    @Test
    void aMixedCaseNameIsWrittenAsStoredWhereUnquotedNamesKeepTheirCase() {
        assertThat(SchemaChanges.writable(new MySqlDialect(false), "Legacy")).isEqualTo("Legacy");
    }

    @Test
    void aNameOnlyQuotingReachesIsNotWritten() {
        // created quoted: H2 folds unquoted names to upper case, PostgreSQL to lower case
        assertThat(SchemaChanges.writable(new H2Dialect(), "legacy")).isNull();
        assertThat(SchemaChanges.writable(new H2Dialect(), "Legacy")).isNull();
        assertThat(SchemaChanges.writable(new PostgresDialect(), "Legacy")).isNull();
        assertThat(SchemaChanges.writable(new PostgresDialect(), "LEGACY")).isNull();
    }

    @Test
    void aNameThatIsNotAPlainIdentifierIsNotWritten() {
        assertThat(SchemaChanges.writable(new MySqlDialect(false), "odd name")).isNull();
        assertThat(SchemaChanges.writable(new MySqlDialect(false), "2fast")).isNull();
        assertThat(SchemaChanges.writable(new MySqlDialect(false), "x;drop")).isNull();
        assertThat(SchemaChanges.writable(new PostgresDialect(), "_under_score$")).isNull();
        assertThat(SchemaChanges.writable(new PostgresDialect(), "_under_score9")).isEqualTo("_under_score9");
    }
}
