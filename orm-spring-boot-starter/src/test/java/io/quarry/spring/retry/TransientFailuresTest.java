package io.quarry.spring.retry;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ConstraintViolationException;
import io.quarry.LockFailureException;
import io.quarry.StatementException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which failures {@link TransientFailures} calls transient: classification of driver errors as the
 * drivers report them (SQLSTATE, vendor code), wherever they sit in the cause chain, and the rule that
 * nothing is retried while a transaction is active on the thread.
 */
class TransientFailuresTest {

    private final TransientFailures transientFailures = new TransientFailures();

    private static SQLException sql(String state, int code) {
        return new SQLException("driver message", state, code);
    }

    @Test
    void serializationFailuresDeadlocksAndUnavailableLocksAreTransient() {
        assertThat(transientFailures.test(sql("40001", 0))).as("PostgreSQL serialization_failure").isTrue();
        assertThat(transientFailures.test(sql("40P01", 0))).as("PostgreSQL deadlock_detected").isTrue();
        assertThat(transientFailures.test(sql("55P03", 0))).as("PostgreSQL lock_not_available").isTrue();
        assertThat(transientFailures.test(new SQLTransactionRollbackException("Deadlock found", "40001", 1213)))
                .as("MySQL/MariaDB deadlock").isTrue();
        assertThat(transientFailures.test(sql("HY000", 1205))).as("MariaDB lock wait timeout").isTrue();
        assertThat(transientFailures.test(sql("40001", 40001))).as("H2 deadlock").isTrue();
    }

    @Test
    void springsAndQuarrysLockingExceptionsAreTransient() {
        assertThat(transientFailures.test(new CannotAcquireLockException("lock"))).isTrue();
        assertThat(transientFailures.test(new PessimisticLockingFailureException("deadlock"))).isTrue();
        assertThat(transientFailures.test(new LockFailureException("flush", "update", sql("HY000", 0), true)))
                .as("Quarry's lock failure, whatever the driver said").isTrue();
    }

    @Test
    void findsTheTransientErrorAnywhereInTheCauseChain() {
        SQLException deadlock = sql("40P01", 0);
        TransactionSystemException commitFailure = new TransactionSystemException("Could not commit JDBC transaction",
                new IllegalStateException("wrapped", deadlock));

        assertThat(transientFailures.test(commitFailure)).isTrue();
        assertThat(transientFailures.test(new UncategorizedSQLException("commit", null, sql("40001", 0)))).isTrue();
    }

    @Test
    void findsTheTransientErrorAmongTheNextExceptionsOfABatch() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "2BP01", 0, new int[0]);
        batch.setNextException(sql("40001", 0));

        assertThat(transientFailures.test(batch)).isTrue();
    }

    @Test
    void constraintViolationsTimeoutsAndOptimisticConflictsAreNotTransient() {
        assertThat(transientFailures.test(new DuplicateKeyException("dup", sql("23505", 0)))).isFalse();
        assertThat(transientFailures.test(new DataIntegrityViolationException("fk", sql("23503", 0)))).isFalse();
        assertThat(transientFailures.test(new ConstraintViolationException("flush", "insert", sql("23000", 1062), "uk_host", true)))
                .isFalse();
        assertThat(transientFailures.test(new QueryTimeoutException("slow", sql("57014", 0)))).isFalse();
        assertThat(transientFailures.test(new OptimisticLockingFailureException("version"))).as("a lost update the user "
                + "must see, not a collision a second run resolves").isFalse();
        assertThat(transientFailures.test(new StatementException("query", "select", sql("42P01", 0)))).isFalse();
        assertThat(transientFailures.test(new IllegalStateException("no cause"))).isFalse();
        assertThat(transientFailures.test(sql(null, 0))).isFalse();
    }

    @Test
    void aCauseChainWithACycleEnds() {
        SQLException first = sql("HY000", 0);
        SQLException second = sql("HY000", 0);
        first.setNextException(second);
        second.setNextException(first);
        RuntimeException looping = new RuntimeException("outer", first);

        assertThat(transientFailures.test(looping)).isFalse();
    }

    @Test
    void nothingIsRetriedWhileATransactionIsActiveOnTheThread() {
        SQLException deadlock = sql("40P01", 0);
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            assertThat(transientFailures.test(deadlock)).isFalse();
            assertThat(transientFailures.shouldRetry(null, deadlock)).isFalse();
            assertThat(TransientFailures.isTransient(deadlock)).as("still transient, for the outer caller").isTrue();
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
        assertThat(transientFailures.shouldRetry(null, deadlock)).isTrue();
    }
}
