package io.quarry.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** What each dialect reads from a driver's error: its kind and the violated constraint, from real messages. */
class ErrorClassificationTest {

    @Test
    void readsH2UniqueViolationsOfConstraintsAndIndexes() {
        H2Dialect h2 = new H2Dialect();
        SQLException constraint = new SQLException("Unique index or primary key violation: \"PUBLIC.UQ_SC_HOST_HOSTNAME"
                + " INDEX PUBLIC.UQ_SC_HOST_HOSTNAME_INDEX_9 ON PUBLIC.SC_HOST(HOSTNAME NULLS FIRST) VALUES ( /* 1 */"
                + " 'web-1' )\"; SQL statement:\ninsert into sc_host ...", "23505", 23505);
        SQLException index = new SQLException("Unique index or primary key violation: \"PUBLIC.UX_SC_HOST_RACK_PORT ON"
                + " PUBLIC.SC_HOST(RACK NULLS FIRST, PORT NULLS FIRST) VALUES ( /* 1 */ 4, 22 )\"", "23505", 23505);
        SQLException notNull = new SQLException("NULL not allowed for column \"HOSTNAME\"", "23502", 23502);

        assertThat(h2.classify(constraint)).isEqualTo(ErrorKind.DUPLICATE_KEY);
        assertThat(h2.constraintName(constraint)).isEqualTo("uq_sc_host_hostname");
        assertThat(h2.constraintName(index)).isEqualTo("ux_sc_host_rack_port");
        assertThat(h2.classify(notNull)).isEqualTo(ErrorKind.CONSTRAINT);
        assertThat(h2.classify(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
                .isEqualTo(ErrorKind.LOCK_TIMEOUT);
    }

    @Test
    void readsMySqlAndMariaDbDuplicateKeys() {
        MySqlDialect mySql = new MySqlDialect(false);
        SQLException mariaDb = new SQLException("Duplicate entry 'web-1' for key 'uq_sc_host_hostname'", "23000", 1062);
        SQLException mySql8 = new SQLException("Duplicate entry 'web-1' for key 'sc_host.uq_sc_host_hostname'", "23000", 1062);
        SQLException notNull = new SQLException("Column 'hostname' cannot be null", "23000", 1048);

        assertThat(mySql.classify(mariaDb)).isEqualTo(ErrorKind.DUPLICATE_KEY);
        assertThat(mySql.constraintName(mariaDb)).isEqualTo("uq_sc_host_hostname");
        assertThat(mySql.constraintName(mySql8)).isEqualTo("uq_sc_host_hostname");
        assertThat(mySql.classify(notNull)).isEqualTo(ErrorKind.CONSTRAINT);
        assertThat(mySql.classify(new SQLException("Deadlock found", "40001", 1213))).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(mySql.classify(new SQLException("Lock wait timeout exceeded", "HY000", 1205)))
                .isEqualTo(ErrorKind.LOCK_TIMEOUT);
        // Connector/J reports ER_LOCK_WAIT_TIMEOUT with SQLState 40001, which alone would read as a deadlock
        assertThat(mySql.classify(new SQLException("Lock wait timeout exceeded; try restarting transaction", "40001",
                1205))).isEqualTo(ErrorKind.LOCK_TIMEOUT);
    }

    @Test
    void readsPostgresDuplicateKeys() {
        PostgresDialect postgres = new PostgresDialect();
        SQLException duplicate = new SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"uq_sc_host_hostname\"\n  Detail: Key (hostname)=(web-1) already exists.", "23505");

        assertThat(postgres.classify(duplicate)).isEqualTo(ErrorKind.DUPLICATE_KEY);
        assertThat(postgres.constraintName(duplicate)).isEqualTo("uq_sc_host_hostname");
        assertThat(postgres.classify(new SQLException("null value in column", "23502"))).isEqualTo(ErrorKind.CONSTRAINT);
        assertThat(postgres.classify(new SQLException("deadlock detected", "40P01"))).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(postgres.classify(new SQLException("could not obtain lock", "55P03"))).isEqualTo(ErrorKind.LOCK_TIMEOUT);
        assertThat(postgres.classify(new SQLException("syntax error", "42601"))).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void readsTiDbWriteConflictsAsRetryableOnTiDbOnly() {
        MySqlDialect tidb = new MySqlDialect(MySqlDialect.Flavour.TIDB);
        SQLException pessimistic = new SQLException("Write conflict, txnStartTS=445, conflictStartTS=446, "
                + "conflictCommitTS=447, key=... [try again later]", "HY000", 9007);
        SQLException optimistic = new SQLException("Write conflict, txnStartTS is stale [try again later]", "HY000", 8005);
        SQLException forUpdate = new SQLException("Write conflict when executing SELECT FOR UPDATE", "HY000", 8002);

        assertThat(tidb.classify(pessimistic)).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(tidb.classify(optimistic)).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(tidb.classify(forUpdate)).isEqualTo(ErrorKind.DEADLOCK);
        assertThat(tidb.classify(new SQLException("Deadlock found", "40001", 1213))).isEqualTo(ErrorKind.DEADLOCK);
        // the same numbers mean nothing retryable on MySQL or MariaDB
        assertThat(new MySqlDialect(false).classify(pessimistic)).isEqualTo(ErrorKind.OTHER);
        assertThat(new MySqlDialect(true).classify(optimistic)).isEqualTo(ErrorKind.OTHER);
    }

    @Test
    void readsDistributedPostgresRetryErrorsAsRetryable() {
        SQLException restart = new SQLException("restart transaction: TransactionRetryWithProtoRefreshError: "
                + "WriteTooOldError", "40001");
        for (PostgresDialect.Flavour flavour : PostgresDialect.Flavour.values()) {
            assertThat(new PostgresDialect(flavour).classify(restart)).as(flavour.name()).isEqualTo(ErrorKind.DEADLOCK);
        }
    }
}
