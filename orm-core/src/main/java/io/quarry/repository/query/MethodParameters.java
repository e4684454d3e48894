package io.quarry.repository.query;

import io.quarry.repository.Limit;
import io.quarry.repository.Pageable;
import io.quarry.repository.Param;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a query method: the special ones (Sort, Pageable, Limit, a {@code Class<P>}
 * projection type, a ScrollPosition) by position, and the others, which bind values, in order. Immutable.
 */
public final class MethodParameters {

    /**
     * A parameter that binds a value.
     *
     * @param index the position among all the method's parameters (the argument index)
     * @param name the {@link Param} name or the compiled name, or null when neither is known
     * @param type the erased type
     * @param genericType the type with the repository's type variables resolved
     */
    public record Bindable(int index, String name, Class<?> type, Type genericType) {
    }

    private final List<Bindable> bindable;
    private final int count;
    private final int sort;
    private final int pageable;
    private final int limit;
    private final int projectionType;
    private final int scrollPosition;

    public MethodParameters(List<Bindable> bindable, int count, int sort, int pageable, int limit, int projectionType) {
        this(bindable, count, sort, pageable, limit, projectionType, -1);
    }

    public MethodParameters(List<Bindable> bindable, int count, int sort, int pageable, int limit, int projectionType,
            int scrollPosition) {
        this.bindable = List.copyOf(bindable);
        this.count = count;
        this.sort = sort;
        this.pageable = pageable;
        this.limit = limit;
        this.projectionType = projectionType;
        this.scrollPosition = scrollPosition;
    }

    /** Reads {@code method}'s parameters; rejects a special parameter given twice or clashing with another. */
    public static MethodParameters of(Method method, Types types) {
        List<Bindable> bindable = new ArrayList<>();
        int[] special = {-1, -1, -1, -1, -1};
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            int kind = specialKind(parameter.getType());
            if (kind < 0) {
                bindable.add(new Bindable(i, nameOf(parameter), parameter.getType(),
                        types.resolve(parameter.getParameterizedType())));
            } else if (special[kind] >= 0) {
                throw new InvalidQueryMethodException("it takes two " + parameter.getType().getSimpleName()
                        + " parameters; declare at most one");
            } else {
                special[kind] = i;
            }
        }
        if (special[1] >= 0 && special[0] >= 0) {
            throw new InvalidQueryMethodException("it takes both a Pageable and a Sort; a Pageable carries its own "
                    + "sort: drop the Sort parameter and pass PageRequest.of(page, size, sort)");
        }
        if (special[1] >= 0 && special[2] >= 0) {
            throw new InvalidQueryMethodException("it takes both a Pageable and a Limit; a Pageable already limits "
                    + "the rows: drop the Limit parameter");
        }
        if (special[1] >= 0 && special[4] >= 0) {
            throw new InvalidQueryMethodException("it takes both a Pageable and a ScrollPosition; a scrolling method "
                    + "reads the window after its ScrollPosition: drop the Pageable, and give the window size with "
                    + "Top/First or a Limit and the order with OrderBy or a Sort");
        }
        return new MethodParameters(bindable, parameters.length, special[0], special[1], special[2], special[3],
                special[4]);
    }

    private static int specialKind(Class<?> type) {
        if (type == Sort.class) {
            return 0;
        }
        if (Pageable.class.isAssignableFrom(type)) {
            return 1;
        }
        if (type == Limit.class) {
            return 2;
        }
        if (ScrollPosition.class.isAssignableFrom(type)) {
            return 4;
        }
        return type == Class.class ? 3 : -1;
    }

    private static String nameOf(Parameter parameter) {
        Param param = parameter.getAnnotation(Param.class);
        if (param != null) {
            return param.value();
        }
        return parameter.isNamePresent() ? parameter.getName() : null;
    }

    /** The value-binding parameters, in declaration order. */
    public List<Bindable> bindable() {
        return bindable;
    }

    /** How many parameters the method has in all. */
    public int count() {
        return count;
    }

    /** The index of the Sort parameter, or -1. */
    public int sort() {
        return sort;
    }

    public int pageable() {
        return pageable;
    }

    public int limit() {
        return limit;
    }

    /** The index of the {@code Class<P>} parameter of a dynamic projection, or -1. */
    public int projectionType() {
        return projectionType;
    }

    /** The index of the ScrollPosition parameter of a method returning a Window, or -1. */
    public int scrollPosition() {
        return scrollPosition;
    }

    /** Whether the rows returned depend on a Pageable or Limit argument. */
    public boolean isPagedOrLimited() {
        return pageable >= 0 || limit >= 0;
    }
}
