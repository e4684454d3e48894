package io.quarry.repository.query.projection;

import io.quarry.mapping.PropertyModel;
import io.quarry.session.ResultMapper;
import java.util.List;

/**
 * How result rows become the objects a query method returns: whole entities, one column (a
 * scalar), a DTO built through its constructor, or an interface backed by the row's values. Built
 * once per method (or per {@code Class<P>} argument); immutable and thread-safe.
 */
public interface Projection {

    /** Whether rows load whole entities through the session (identity map, dirty checking). */
    boolean isEntity();

    /** The properties a derived query selects, in column order; every property for an entity. */
    List<PropertyModel> properties();

    /** Maps a row of a derived query, whose columns are {@link #properties()} in order. */
    ResultMapper<Object> byPosition();

    /** A mapper for hand-written SQL that finds its columns by label; a new one per execution. */
    ResultMapper<Object> byLabel();
}
