package io.quarry.spring;

import io.quarry.ConstraintViolationException;
import io.quarry.LockFailureException;
import io.quarry.NoResultException;
import io.quarry.NonUniqueResultException;
import io.quarry.OptimisticLockException;
import io.quarry.QuarryException;
import io.quarry.StatementException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.support.SQLErrorCodeSQLExceptionTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.util.function.SingletonSupplier;

/**
 * Turns Quarry's exceptions into Spring's {@link DataAccessException} family: a duplicate key into
 * {@link DuplicateKeyException}, another constraint into {@link DataIntegrityViolationException},
 * a deadlock into {@link PessimisticLockingFailureException} and a lock wait timeout into
 * {@link CannotAcquireLockException}, a version conflict into
 * {@link OptimisticLockingFailureException}, no or too many results into
 * {@link EmptyResultDataAccessException} / {@link IncorrectResultSizeDataAccessException}, any other
 * failed statement through spring-jdbc's {@link SQLExceptionTranslator} (as {@code JdbcTemplate}
 * would), and misuse (mapping, session state) into {@link InvalidDataAccessApiUsageException}.
 * The Quarry exception stays the cause. As a {@link PersistenceExceptionTranslator} bean it also
 * serves {@code @Repository} beans. Thread-safe.
 */
public final class QuarryExceptionTranslator implements PersistenceExceptionTranslator {

    private final Supplier<SQLExceptionTranslator> sqlTranslator;

    /**
     * Translates SQL errors with the error codes of the database behind {@code dataSource}. The
     * error-code translator is built on the first failure, not at start-up (building it reads
     * Spring's error-code catalogue: about 140 ms of a cold start, measured in BENCHMARKS.md).
     */
    public QuarryExceptionTranslator(DataSource dataSource) {
        this.sqlTranslator = SingletonSupplier.of(() -> new SQLErrorCodeSQLExceptionTranslator(dataSource));
    }

    public QuarryExceptionTranslator(SQLExceptionTranslator sqlTranslator) {
        this.sqlTranslator = () -> sqlTranslator;
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException exception) {
        return exception instanceof QuarryException quarry ? translate(quarry) : null;
    }

    /** The Spring exception for {@code exception}; never {@code null}. */
    public DataAccessException translate(QuarryException exception) {
        String message = exception.getMessage();
        if (exception instanceof ConstraintViolationException violation) {
            return violation.isDuplicateKey() ? new DuplicateKeyException(message, violation)
                    : new DataIntegrityViolationException(message, violation);
        }
        if (exception instanceof LockFailureException lock) {
            return lock.isDeadlock() ? new PessimisticLockingFailureException(message, lock)
                    : new CannotAcquireLockException(message, lock);
        }
        if (exception instanceof io.quarry.QueryTimeoutException) {
            return new QueryTimeoutException(message, exception);
        }
        if (exception instanceof StatementException statement) {
            DataAccessException translated = sqlTranslator.get().translate(statement.getTask(), statement.getSql(),
                    statement.getSQLException());
            return translated != null ? translated
                    : new UncategorizedSQLException(statement.getTask(), statement.getSql(), statement.getSQLException());
        }
        if (exception instanceof OptimisticLockException) {
            return new OptimisticLockingFailureException(message, exception);
        }
        if (exception instanceof NoResultException) {
            return new EmptyResultDataAccessException(message, 1, exception);
        }
        if (exception instanceof NonUniqueResultException) {
            return new IncorrectResultSizeDataAccessException(message, 1, exception);
        }
        // mapping errors, session state, misuse of the API (update without filter, unknown property...)
        return new InvalidDataAccessApiUsageException(message, exception);
    }
}
