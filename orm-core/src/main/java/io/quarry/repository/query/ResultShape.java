package io.quarry.repository.query;

import io.quarry.repository.Page;
import io.quarry.repository.Slice;
import io.quarry.repository.Window;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The return type of a query method taken apart: the container (one value, Optional, List, Stream,
 * Page, Slice, Window, nothing) and the element type. Immutable.
 *
 * @param kind the container
 * @param type the declared return type
 * @param element the element class; for a type variable ({@code <P> List<P>}) its bound
 * @param dynamic whether the element is a method type variable, chosen by a {@code Class<P>} argument
 */
public record ResultShape(Kind kind, Type type, Class<?> element, boolean dynamic) {

    /** The container of the results. */
    public enum Kind {
        VOID, ONE, OPTIONAL, LIST, STREAM, PAGE, SLICE, WINDOW;

        /** Whether the container holds any number of elements. */
        public boolean isMany() {
            return this == LIST || this == STREAM || this == PAGE || this == SLICE || this == WINDOW;
        }
    }

    private static final String SUPPORTED = "T, Optional<T>, List<T>, Collection<T>, Iterable<T>, Stream<T>, "
            + "Page<T>, Slice<T>, Window<T>, a number, boolean or void";

    /** Takes {@code type} (already resolved against the repository) apart. */
    public static ResultShape of(Type type) {
        Class<?> raw = Types.raw(type);
        if (raw == void.class || raw == Void.class) {
            return new ResultShape(Kind.VOID, type, void.class, false);
        }
        Kind kind = raw == Optional.class ? Kind.OPTIONAL
                : raw == List.class || raw == Collection.class || raw == Iterable.class ? Kind.LIST
                : raw == Stream.class ? Kind.STREAM
                : raw == Page.class ? Kind.PAGE
                : raw == Slice.class ? Kind.SLICE
                : raw == Window.class ? Kind.WINDOW
                : Kind.ONE;
        if (kind == Kind.ONE) {
            if (Iterable.class.isAssignableFrom(raw) || java.util.Map.class.isAssignableFrom(raw) || raw.isArray()
                    || java.util.Iterator.class.isAssignableFrom(raw)) {
                throw new InvalidQueryMethodException("its return type " + Types.describe(type)
                        + " is not supported; return " + SUPPORTED);
            }
            return new ResultShape(kind, type, raw, type instanceof TypeVariable<?>);
        }
        Type element = Types.argument(type, 0);
        Class<?> elementClass = Types.raw(element);
        if (Iterable.class.isAssignableFrom(elementClass) || elementClass == Optional.class) {
            throw new InvalidQueryMethodException("its return type " + Types.describe(type) + " nests containers; return "
                    + SUPPORTED);
        }
        return new ResultShape(kind, type, elementClass, element instanceof TypeVariable<?>);
    }

    public static ResultShape of(Kind kind, Class<?> element) {
        return new ResultShape(kind, element, element, false);
    }

    /** The declared type, for messages: {@code List<Host>}. */
    public String describe() {
        return Types.describe(type);
    }
}
