package io.quarry.repository.query.handwritten;

import io.quarry.dialect.Dialect;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.query.Coercions;
import io.quarry.sql.Binding;
import io.quarry.sql.Parameter;
import io.quarry.sql.Select;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The statements of an {@code @Query} method: the SQL as written, with LIMIT, with LIMIT and OFFSET,
 * and the count of a page, per call shape (the buckets of its list arguments). Each is rendered once,
 * on first use (the shapes a description shows at start-up), and cached; a method without list
 * arguments has one shape. A statement with more parameters than the database takes is refused
 * before it is sent. Thread-safe.
 */
final class NativeStatements {

    enum Kind { PLAIN, LIMITED, PAGED, COUNT }

    /** Past this many cached statements (only many list arguments can get there), new ones are rendered per call. */
    private static final int MAX_CACHED = 1024;

    private final String method;
    private final SqlTemplate query;
    private final SqlTemplate count;
    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final int arguments;
    private final Map<Long, SqlStatement> cache = new ConcurrentHashMap<>();

    /**
     * @param count the count query's SQL, or null to count the rows of {@code query}
     * @param arguments how many arguments the method takes (the limit slot's index)
     */
    NativeStatements(String method, SqlTemplate query, SqlTemplate count, Dialect dialect, CodecRegistry codecs,
            int arguments) {
        this.method = method;
        this.query = query;
        this.count = count;
        this.dialect = dialect;
        this.codecs = codecs;
        this.arguments = arguments;
    }

    /** Renders {@code kinds} for {@code shape} now, so that a failure stops the start and a description shows them. */
    NativeStatements prerender(long shape, List<Kind> kinds) {
        for (Kind kind : kinds) {
            get(kind, shape);
        }
        return this;
    }

    SqlStatement get(Kind kind, long shape) {
        long key = shape << 2 | kind.ordinal();
        SqlStatement statement = cache.get(key);
        if (statement == null) {
            statement = render(kind, shape);
            int max = dialect.maxBindParameters();
            if (statement.bindings().size() > max) {
                throw new InvalidArgumentException(method + ": the call binds " + statement.bindings().size()
                        + " parameters, more than " + dialect.name() + " accepts (" + max + "); pass fewer values"
                        + (dialect.arrayElementType(io.quarry.types.SqlType.BIGINT) == null ? ""
                                : ", or bind the collection as one array: = any(:name)"));
            }
            if (cache.size() < MAX_CACHED) {
                SqlStatement earlier = cache.putIfAbsent(key, statement);
                statement = earlier != null ? earlier : statement;
            }
        }
        return statement;
    }

    /** The distinct SQL texts rendered so far, by kind, then shape. */
    List<String> texts() {
        return cache.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<Long, SqlStatement> entry) -> entry.getKey() & 3)
                        .thenComparingLong(entry -> entry.getKey() >>> 2))
                .map(entry -> entry.getValue().sql()).distinct().toList();
    }

    private SqlStatement render(Kind kind, long shape) {
        return switch (kind) {
            case PLAIN -> query.render(shape, codecs);
            case LIMITED -> paged(query.render(shape, codecs), false);
            case PAGED -> paged(query.render(shape, codecs), true);
            case COUNT -> count == null ? Select.countRowsOf(query.render(shape, codecs)) : count.render(shape, codecs);
        };
    }

    /** The SQL with LIMIT (and OFFSET) appended, bound from the argument slots after the method's arguments. */
    @SuppressWarnings("unchecked")
    private SqlStatement paged(SqlStatement statement, boolean offset) {
        Codec<Object> longCodec = (Codec<Object>) codecs.lookup(Long.class, false);
        List<Binding> all = new ArrayList<>(statement.bindings());
        all.add(new Parameter(arguments, longCodec, Coercions.identity()));
        if (offset) {
            all.add(new Parameter(arguments + 1, longCodec, Coercions.identity()));
        }
        return new SqlStatement(statement.sql() + dialect.limitOffset(true, offset), all);
    }
}
