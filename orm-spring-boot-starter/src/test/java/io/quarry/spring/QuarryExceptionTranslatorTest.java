package io.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.ConstraintViolationException;
import io.quarry.LockFailureException;
import io.quarry.MappingException;
import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.OptimisticLockException;
import io.quarry.PendingRollbackException;
import io.quarry.QuarryException;
import io.quarry.SessionStateException;
import io.quarry.StatementException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Which Spring exception each Quarry exception becomes. The real databases' errors are covered by
 * ExceptionTranslationIT; lock failures are hard to provoke reliably, so they are checked here.
 */
class QuarryExceptionTranslatorTest {

    private final QuarryExceptionTranslator translator = new QuarryExceptionTranslator(new SQLExceptionSubclassTranslator());
    private final SQLException driverError = new SQLException("driver says no", "40001", 1213);

    @Test
    void aDeadlockIsAPessimisticLockingFailureAndALockTimeoutCannotAcquireLock() {
        assertThat(translator.translate(new LockFailureException("flush", "update host", driverError, true)))
                .isExactlyInstanceOf(PessimisticLockingFailureException.class)
                .hasMessage("flush; SQL [update host]; driver says no [SQLState 40001, error 1213]");
        assertThat(translator.translate(new LockFailureException("flush", "update host", driverError, false)))
                .isInstanceOf(CannotAcquireLockException.class)
                .isInstanceOf(PessimisticLockingFailureException.class);
    }

    @Test
    void constraintViolationsAreDataIntegrityViolations() {
        assertThat(translator.translate(new ConstraintViolationException("flush", "insert", driverError, "uq", true)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(translator.translate(new ConstraintViolationException("flush", "insert", driverError, "fk", false)))
                .isExactlyInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void otherStatementFailuresGoThroughSpringJdbcsTranslatorWithTaskAndSql() {
        StatementException failure = new StatementException("query Host", "select 1",
                new SQLTransientConnectionException("connection lost"));

        assertThat(translator.translate(failure)).isInstanceOf(TransientDataAccessResourceException.class)
                .hasMessageContaining("query Host").hasMessageContaining("select 1");
    }

    @Test
    void resultSizeAndVersionConflictsHaveTheirSpringCounterparts() {
        assertThat(translator.translate(new NoResultException("none"))).isInstanceOf(EmptyResultDataAccessException.class);
        assertThat(translator.translate(new NonUniqueResultException("many")))
                .isExactlyInstanceOf(IncorrectResultSizeDataAccessException.class);
        assertThat(translator.translate(new OptimisticLockException(String.class, 1, "changed")))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }

    @Test
    void misuseIsInvalidDataAccessApiUsageKeepingTheQuarryCause() {
        for (QuarryException misuse : new QuarryException[] {new MappingException("m"), new SessionStateException("s"),
                new PendingRollbackException("p"), new QuarryException("q")}) {
            assertThat(translator.translate(misuse)).isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasCause(misuse);
        }
    }

    @Test
    void leavesOtherExceptionsToOtherTranslators() {
        assertThat(translator.translateExceptionIfPossible(new IllegalStateException())).isNull();
    }
}
