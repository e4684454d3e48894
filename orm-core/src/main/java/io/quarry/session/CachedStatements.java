package io.quarry.session;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.sql.Parameter;
import io.quarry.sql.RenderedSelects;
import io.quarry.sql.Select;
import io.quarry.sql.Sql;
import io.quarry.sql.SqlStatement;
import io.quarry.types.CodecRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The statements of an engine rendered once and reused: the by-id SELECT of each model, the flush SQL
 * of each (model, statement shape) and the SELECTs of queries, once per shape ({@link RenderedSelects}).
 * Thread-safe.
 */
final class CachedStatements {

    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final RenderedSelects selects;
    private final Map<Object, SqlStatement> byId = new ConcurrentHashMap<>();
    private final Map<Object, String> flushSql = new ConcurrentHashMap<>();

    CachedStatements(Dialect dialect, ModelRegistry models) {
        this.dialect = dialect;
        this.codecs = models.codecs();
        this.selects = new RenderedSelects(dialect, models);
    }

    /** The SELECTs of queries ({@link Query}, {@link RowQuery}), rendered once per shape. */
    RenderedSelects selects() {
        return selects;
    }

    /** The flush SQL for a (model, statement shape) key, rendered once. */
    String flushSql(Object key, Function<Object, String> render) {
        return flushSql.computeIfAbsent(key, render);
    }

    /** {@code select <columns> from <table> where <id> = ?}, rendered once per model; the id is argument 0. */
    SqlStatement byId(EntityModel<?> model) {
        return byId.computeIfAbsent(model, key -> {
            EntityModel<?> entity = (EntityModel<?>) key;
            Parameter id = new Parameter(0, entity.id().codec(), UnaryOperator.identity());
            return Select.from(entity).where(List.of(Sql.col(entity.id().name()).eq(id))).render(dialect, codecs);
        });
    }
}
