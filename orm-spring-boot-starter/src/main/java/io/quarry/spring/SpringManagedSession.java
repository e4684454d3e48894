package io.quarry.spring;

import io.quarry.mapping.Property;
import io.quarry.repository.RepositoryContext;
import io.quarry.session.ConnectionProvider;
import io.quarry.session.Engine;
import io.quarry.session.ObjectState;
import io.quarry.session.Query;
import io.quarry.session.Row;
import io.quarry.session.RowQuery;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import io.quarry.session.StatementSession;
import io.quarry.sql.Expression;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared {@link Session} bean: every call goes to the session of the current Spring
 * transaction, so that every injection point inside one {@code @Transactional} method (or
 * {@code TransactionTemplate}) sees the same session and identity map. That session is flushed
 * before the transaction commits and discarded when it ends; a rollback discards its pending
 * changes. A read-only transaction's session takes no snapshots and never flushes.
 *
 * <p>Outside a transaction, each read runs in a short session of its own (auto-commit, one round
 * trip) and writes are refused with a message that says to add {@code @Transactional}. The
 * transaction belongs to Spring: {@link #commit()}, {@link #rollback()} are refused and
 * {@link #close()} does nothing. Every Quarry exception leaves as a Spring
 * {@code DataAccessException}.
 *
 * <p>Thread-safe: it holds no session itself; each thread reaches its own transaction's session.
 */
public final class SpringManagedSession implements Session {

    private final TransactionSessions sessions;

    /**
     * @param factory opens the sessions (its options give autoflush)
     * @param connections transaction-bound connections, normally a {@link SpringConnectionProvider}
     * @param translator turns Quarry's exceptions into Spring's
     */
    public SpringManagedSession(SessionFactory factory, ConnectionProvider connections,
            QuarryExceptionTranslator translator) {
        this.sessions = new TransactionSessions(factory, connections, translator);
    }

    /** The session of the current transaction, opened on first use; {@code null} outside a transaction. */
    public Session currentSession() {
        return sessions.current();
    }

    /**
     * Where the starter's repositories get their sessions: the real session of the current
     * transaction, resolved once per repository call (one crossing from the repository into the
     * starter, not one per statement); outside a transaction, writes and multi-statement calls run
     * in a transaction of {@code transactions} and single reads in a short auto-commit session.
     */
    public RepositoryContext repositoryContext(TransactionTemplate transactions) {
        return new SpringRepositoryContext(sessions, transactions);
    }

    @Override
    public Engine engine() {
        return sessions.factory().engine();
    }

    @Override
    public SessionOptions options() {
        return sessions.currentOptions();
    }

    // ---- writes: inside a read-write transaction only

    @Override
    public <T> T add(T entity) {
        return sessions.write("add " + describe(entity), session -> session.add(entity));
    }

    @Override
    public void addAll(Collection<?> entities) {
        sessions.write("add entities", session -> {
            session.addAll(entities);
            return null;
        });
    }

    @Override
    public void addAll(Object... entities) {
        addAll(List.of(entities));
    }

    @Override
    public void delete(Object entity) {
        sessions.write("delete " + describe(entity), session -> {
            session.delete(entity);
            return null;
        });
    }

    @Override
    public void hardDelete(Object entity) {
        sessions.write("delete " + describe(entity), session -> {
            session.hardDelete(entity);
            return null;
        });
    }

    @Override
    public <T> T merge(T entity) {
        return sessions.write("merge " + describe(entity), session -> session.merge(entity));
    }

    @Override
    public int upsertAll(Collection<?> entities) {
        return sessions.write("upsert entities", session -> session.upsertAll(entities));
    }

    @Override
    public void flush() {
        sessions.write("flush", session -> {
            session.flush();
            return null;
        });
    }

    @Override
    public int execute(String sql, Map<String, ?> parameters) {
        return sessions.write("execute SQL", session -> session.execute(sql, parameters));
    }

    @Override
    public int execute(String sql) {
        return execute(sql, Map.of());
    }

    // ---- reads: the transaction's session, or a short one of their own

    @Override
    public <T> T get(Class<T> type, Object id) {
        return sessions.read(session -> session.get(type, id));
    }

    @Override
    public void refresh(Object entity) {
        sessions.read(session -> {
            session.refresh(entity);
            return null;
        });
    }

    @Override
    public <T> Query<T> query(Class<T> type) {
        return QueryScope.open(sessions, (session, scope) -> new SpringQuery<>(session.query(type),
                own -> own.query(type), scope));
    }

    @Override
    public RowQuery select(Class<?> type, Expression... expressions) {
        return QueryScope.open(sessions, (session, scope) -> new SpringRowQuery(session.select(type, expressions),
                own -> own.select(type, expressions), scope));
    }

    @Override
    public <T> RowQuery select(Property<T, ?> first, Expression... more) {
        return QueryScope.open(sessions, (session, scope) -> new SpringRowQuery(session.select(first, more),
                own -> own.select(first, more), scope));
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type, Map<String, ?> parameters) {
        return sessions.read(session -> session.sqlQuery(sql, type, parameters));
    }

    @Override
    public <T> List<T> sqlQuery(String sql, Class<T> type) {
        return sqlQuery(sql, type, Map.of());
    }

    @Override
    public List<Row> sqlRows(String sql, Map<String, ?> parameters) {
        return sessions.read(session -> session.sqlRows(sql, parameters));
    }

    // ---- state of the current transaction's session

    @Override
    public boolean contains(Object entity) {
        Session session = sessions.bound();
        return session != null && session.contains(entity);
    }

    @Override
    public ObjectState stateOf(Object entity) {
        return sessions.read(session -> session.stateOf(entity));
    }

    @Override
    public boolean isDirty() {
        Session session = sessions.bound();
        return session != null && session.isDirty();
    }

    @Override
    public void expunge(Object entity) {
        Session session = sessions.bound();
        if (session != null) {
            session.expunge(entity);
        }
    }

    @Override
    public void clear() {
        Session session = sessions.bound();
        if (session != null) {
            session.clear();
        }
    }

    @Override
    public boolean isInTransaction() {
        Session session = sessions.bound();
        return session != null && session.isInTransaction();
    }

    /** Flushes the current transaction's session, if it has one that may write (before a savepoint is set). */
    void flushBeforeSavepoint() {
        StatementSession session = sessions.bound();
        if (session != null && !session.options().readOnly()) {
            sessions.translated(session, bound -> {
                bound.flush();
                return null;
            });
        }
    }

    // ---- the transaction is Spring's

    @Override
    public void commit() {
        throw springOwnsTheTransaction("commit()");
    }

    @Override
    public void rollback() {
        throw springOwnsTheTransaction("rollback()");
    }

    /** Does nothing: the session of each transaction is closed when the transaction ends. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "SpringManagedSession[the session of the current Spring transaction, " + engine() + "]";
    }

    private static InvalidDataAccessApiUsageException springOwnsTheTransaction(String method) {
        return new InvalidDataAccessApiUsageException("Cannot call " + method + " on the shared Quarry Session: its "
                + "transactions are Spring's. Let @Transactional (or TransactionTemplate / PlatformTransactionManager) "
                + "end the transaction: it flushes and commits when the method returns and rolls back when it throws; "
                + "to roll back without an exception, call TransactionAspectSupport.currentTransactionStatus()"
                + ".setRollbackOnly() or TransactionStatus.setRollbackOnly(). For a session that runs its own "
                + "transactions, open one with SessionFactory.openSession()");
    }

    private static String describe(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName();
    }
}
