package io.quarry.spring.retry;

import io.quarry.LockFailureException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which failures are worth running a whole transaction again for: a serialization failure
 * (SQLSTATE {@code 40001}, what PostgreSQL at SERIALIZABLE, CockroachDB and YugabyteDB ask the
 * client to retry), a deadlock ({@code 40P01}; MySQL and MariaDB error 1213), a lock that was not
 * available ({@code 55P03}; MySQL and MariaDB lock wait timeout 1205), and the exceptions Spring and
 * Quarry make of them ({@link PessimisticLockingFailureException} with
 * {@code CannotAcquireLockException}, Quarry's {@link LockFailureException}). The whole cause chain
 * is searched, and each {@link SQLException}'s {@link SQLException#getNextException() next
 * exceptions} (batches report there).
 *
 * <p>Nothing is retried while a transaction is active on the thread: a failed statement has marked
 * that transaction rollback-only, so only the caller that began it can run it again, and that
 * caller's own retry decides. The same rule keeps a {@code @Retryable} that sits inside
 * {@code @Transactional} (the wrong order) from retrying within a doomed transaction.
 *
 * <p>Use it as {@code @Retryable(predicate = TransientFailures.class)} or as a
 * {@link Predicate} of a {@code RetryPolicy}. Stateless and thread-safe.
 */
public final class TransientFailures implements MethodRetryPredicate, Predicate<Throwable> {

    /** serialization_failure, deadlock_detected, lock_not_available. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03");

    private static final int MYSQL_DEADLOCK = 1213;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;

    /** Bounds the walk through causes and next exceptions, against pathological chains. */
    private static final int MAX_DEPTH = 64;

    /** For {@code @Retryable(predicate = ...)}, which instantiates it. */
    public TransientFailures() {
    }

    /** Whether {@code failure} is transient and no transaction is active on this thread. */
    @Override
    public boolean test(Throwable failure) {
        return !TransactionSynchronizationManager.isActualTransactionActive() && isTransient(failure);
    }

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return test(failure);
    }

    /**
     * Whether {@code failure}, or anything in its cause chain, is a serialization failure, a
     * deadlock or a lock that was not available; whatever the thread's transaction state.
     */
    public static boolean isTransient(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return isTransient(failure, seen);
    }

    private static boolean isTransient(Throwable failure, Set<Throwable> seen) {
        for (Throwable current = failure; current != null && seen.size() < MAX_DEPTH; current = current.getCause()) {
            if (!seen.add(current)) {
                return false;
            }
            if (current instanceof PessimisticLockingFailureException || current instanceof LockFailureException) {
                return true;
            }
            if (current instanceof SQLException sql && (isTransient(sql) || nextIsTransient(sql, seen))) {
                return true;
            }
        }
        return false;
    }

    private static boolean nextIsTransient(SQLException sql, Set<Throwable> seen) {
        SQLException next = sql.getNextException();
        return next != null && !seen.contains(next) && isTransient(next, seen);
    }

    private static boolean isTransient(SQLException sql) {
        if (sql.getSQLState() != null && TRANSIENT_STATES.contains(sql.getSQLState())) {
            return true;
        }
        return sql.getErrorCode() == MYSQL_DEADLOCK || sql.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT;
    }
}
