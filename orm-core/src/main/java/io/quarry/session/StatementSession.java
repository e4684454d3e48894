package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.stream.Stream;

/**
 * What repositories need beyond the {@link Session} API: statements rendered once at start-up and
 * bound per call. Not for application code, which uses {@link Session}; obtained from
 * {@link SessionTransaction#session()} by whoever hands sessions to repositories. Not thread-safe.
 */
public interface StatementSession extends Session {

    /** Runs a SELECT of {@code model}'s columns in property order (as {@code Select.from(model)} renders them). */
    <T> List<T> list(EntityModel<T> model, SqlStatement statement, Object[] args);

    /** Runs a SELECT and maps each row with {@code mapper}. */
    <R> List<R> list(SqlStatement statement, Object[] args, ResultMapper<R> mapper);

    /**
     * Streams {@code model}'s rows; the stream holds the statement open until closed. Streamed
     * objects are not added to the identity map (memory stays constant however many rows pass);
     * an object the session already holds is returned as it is.
     */
    <T> Stream<T> stream(EntityModel<T> model, SqlStatement statement, Object[] args);

    /** Streams rows mapped with {@code mapper}; the stream holds the statement open until closed. */
    <R> Stream<R> stream(SqlStatement statement, Object[] args, ResultMapper<R> mapper);

    /**
     * Runs a hand-written SELECT and loads {@code model}'s entities, matching result columns to
     * properties by label (so {@code select *} works whatever the column order).
     */
    <T> List<T> listByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args);

    /** {@link #listByColumnLabel} as a stream that holds the statement open until closed; rows are not tracked. */
    <T> Stream<T> streamByColumnLabel(EntityModel<T> model, SqlStatement statement, Object[] args);

    /**
     * Runs {@code work} with {@code limit} (rounded up to whole seconds) as the time limit of its
     * statements instead of the session's, named {@code source} when it fires: a repository method's
     * {@code @QueryTimeout}. A Spring transaction with less time left still shortens it.
     */
    <R> R withQueryTimeout(java.time.Duration limit, String source, java.util.function.Supplier<R> work);

    /**
     * Runs {@code work} with {@code plan} added to every read of {@code root}'s entities it makes
     * through the pre-rendered statements (a repository method's {@code @LoadWith}).
     */
    <R> R withFetchPlan(io.quarry.mapping.EntityModel<?> root, FetchPlan plan, java.util.function.Supplier<R> work);

    /** Runs an INSERT, UPDATE or DELETE; returns the row count. Does not touch the identity map. */
    int executeUpdate(SqlStatement statement, Object[] args);

    /**
     * A bulk UPDATE of {@code model} that keeps the identity map in step: when the session holds
     * objects of the table, {@code selectIds} (a SELECT of the id with the same conditions) runs
     * first, and the matching objects are reloaded afterwards.
     */
    int bulkUpdate(EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args);

    /** A bulk DELETE of {@code model}; held objects whose rows it removed are detached (see {@link #bulkUpdate}). */
    int bulkDelete(EntityModel<?> model, SqlStatement statement, SqlStatement selectIds, Object[] args);

    /**
     * Flushes, then returns what each of {@code instances} (objects this session holds) has become:
     * the same object for plain classes; for records rebuilt during the flush (a generated id, a new
     * version) the new copy. Repositories use it to hand back saved records.
     */
    <T> List<T> flush(List<T> instances);
}
