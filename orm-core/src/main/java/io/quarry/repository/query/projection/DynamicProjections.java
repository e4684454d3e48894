package io.quarry.repository.query.projection;

import io.quarry.MappingException;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.query.InvalidQueryMethodException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The projections of one method with a {@code Class<P>} parameter, built on the first call with
 * each requested type and cached, so later calls with that type do no reflection. Thread-safe.
 */
public final class DynamicProjections {

    private final String method;
    private final String example;
    private final Function<Class<?>, Projection> build;
    private final Map<Class<?>, Projection> cache = new ConcurrentHashMap<>();

    public DynamicProjections(String method, String example, Function<Class<?>, Projection> build) {
        this.method = method;
        this.example = example;
        this.build = build;
    }

    /** The projection for the argument {@code type}; an {@link InvalidArgumentException} naming the method otherwise. */
    public Projection get(Object type) {
        if (!(type instanceof Class<?> requested)) {
            throw new InvalidArgumentException(method + ": the projection type argument is null; pass the class to read "
                    + "rows into, e.g. " + example + ".class");
        }
        Projection projection = cache.get(requested);
        if (projection == null) {
            try {
                projection = build.apply(requested);
            } catch (InvalidQueryMethodException | MappingException e) {
                throw new InvalidArgumentException(method + ": cannot read rows into " + requested.getSimpleName()
                        + ": " + e.getMessage(), e);
            }
            cache.putIfAbsent(requested, projection);
        }
        return projection;
    }
}
