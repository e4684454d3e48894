package io.quarry.repository.query.projection;

import io.quarry.session.StatementSession;
import io.quarry.sql.SqlStatement;
import java.util.List;
import java.util.stream.Stream;

/**
 * How result rows become the objects a query method returns: whole entities, one column (a
 * scalar), a DTO built through its constructor, or an interface backed by the row's values. Each
 * fetches its own rows through the session: a derived query's by position (its columns are
 * {@link #columns()} in order), hand-written SQL's by column label. Built once per method (or
 * per {@code Class<P>} argument); immutable and thread-safe.
 */
public interface Projection {

    /** Whether rows load whole entities through the session (identity map, dirty checking), selecting every column. */
    boolean isEntity();

    /**
     * The columns a derived query selects, in order, as paths from the entity ({@code hostname},
     * {@code datacenter.name}: a LEFT JOIN per to-one path); every property for an entity.
     */
    List<String> columns();

    /** Runs a derived query's {@code statement}, whose columns are {@link #columns()} in order. */
    List<Object> list(StatementSession session, SqlStatement statement, Object[] args);

    /** {@link #list} as a stream that holds the statement open until closed. */
    Stream<Object> stream(StatementSession session, SqlStatement statement, Object[] args);

    /** Runs hand-written SQL, finding each value's column by label. */
    List<Object> listByLabel(StatementSession session, SqlStatement statement, Object[] args);

    /** {@link #listByLabel} as a stream that holds the statement open until closed. */
    Stream<Object> streamByLabel(StatementSession session, SqlStatement statement, Object[] args);
}
