package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.Part;
import io.quarry.repository.query.parse.PartTree;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hands a query method's value parameters to the conditions that consume them, in order; checks
 * each against the keyword and property; allocates the call-shape bits of nullable and In
 * arguments; and collects the run-time checks of the {@link ArgumentPlan}. Used while one method
 * is created; not thread-safe.
 */
final class MethodArguments {

    private final String method;
    private final Iterator<MethodParameters.Bindable> remaining;
    private final List<ArgumentPlan.Check> checks = new ArrayList<>();
    private final int total;
    private final int count;
    private int used;
    private int nextBit;
    private Part currentPart;
    private int usedBeforePart;

    MethodArguments(String method, MethodParameters parameters) {
        this.method = method;
        this.remaining = parameters.bindable().iterator();
        this.total = parameters.bindable().size();
        this.count = parameters.count();
    }

    MethodParameters.Bindable next(Part part, PropertyModel property) {
        if (part != currentPart) {
            currentPart = part;
            usedBeforePart = used;
        }
        if (!remaining.hasNext()) {
            int needed = part.type().arguments();
            throw new InvalidQueryMethodException(part.type().keyword() + " on '" + property.name() + "' (in '"
                    + part.source() + "') needs " + needed + " argument" + (needed > 1 ? "s" : "") + " but "
                    + (usedBeforePart == 0 ? "the method has " + count(total, "value parameter")
                            : "the conditions before it take " + usedBeforePart + " of the method's "
                                    + count(total, "value parameter"))
                    + "; add the missing parameter");
        }
        used++;
        return remaining.next();
    }

    MethodParameters.Bindable nextValue(PropertyModel property) {
        if (!remaining.hasNext()) {
            throw new InvalidQueryMethodException("it updates '" + property.name() + "' but the method has no "
                    + "parameter left for the new value; the new values come first, then the conditions' arguments");
        }
        used++;
        return remaining.next();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    void checkAllUsed(PartTree tree) {
        if (used < total) {
            throw new InvalidQueryMethodException("the method has " + total + " value parameter" + (total == 1 ? "" : "s")
                    + " but its name uses only " + used + (tree.conditions().isEmpty() ? " (it has no conditions)" : "")
                    + "; remove the extra parameter or add the condition that uses it");
        }
    }

    UnaryOperator<Object> converter(MethodParameters.Bindable parameter, Part part, Class<?> target) {
        UnaryOperator<Object> convert = Coercions.converter(parameter.type(), target, describe(parameter, part));
        if (convert == null) {
            throw new InvalidQueryMethodException(describe(parameter, part) + " is " + parameter.type().getSimpleName()
                    + " but needs to be " + target.getSimpleName() + "; declare it as "
                    + (target.isPrimitive() ? target.getSimpleName() : Types.boxed(target).getSimpleName()));
        }
        return convert;
    }

    /**
     * The In list of {@code parameter}; {@code referenced} is the entity a foreign key refers to
     * (null for other properties), whose objects the list may hold, compared by their ids.
     */
    int in(MethodParameters.Bindable parameter, Part part, PropertyModel property, EntityModel<?> referenced) {
        Class<?> type = parameter.type();
        Class<?> element;
        if (type.isArray()) {
            element = type.getComponentType();
        } else if (Iterable.class.isAssignableFrom(type)) {
            element = Types.raw(Types.argument(parameter.genericType(), 0));
        } else {
            throw new InvalidQueryMethodException(describe(parameter, part) + " is " + type.getSimpleName()
                    + "; " + part.type().keyword() + " takes a Collection, an array or varargs of "
                    + Types.boxed(property.javaType()).getSimpleName());
        }
        boolean entities = referenced != null && referenced.type().isAssignableFrom(element);
        UnaryOperator<Object> convert = entities ? entityId(parameter, part, referenced)
                : Coercions.converter(element, property.javaType(), describe(parameter, part));
        if (convert == null) {
            throw new InvalidQueryMethodException(describe(parameter, part) + " holds " + element.getSimpleName()
                    + " values but '" + property.name() + "' is " + property.javaType().getSimpleName()
                    + (referenced == null ? "" : ", the id of the " + referenced.type().getSimpleName() + " it refers to; "
                            + "pass " + referenced.type().getSimpleName() + " objects or their ids"));
        }
        if (convert == Coercions.identity() && !element.isPrimitive()) {
            // generics are erased: a raw collection may hold anything, so every element is checked once per call
            Class<?> target = Types.boxed(property.javaType());
            String what = describe(parameter, part);
            convert = value -> Coercions.convert(value, target, what);
        }
        int shift = allocate(ArgumentPlan.IN_BITS);
        checks.add(new ArgumentPlan.Check(parameter.index(), describe(parameter, part), true, convert, -1, shift));
        return shift;
    }

    int nullable(MethodParameters.Bindable parameter, Part part) {
        return nullable(parameter, part, null);
    }

    /** A call-shape bit set when the argument is null; {@code convert} (or null) turns other values into what is bound. */
    int nullable(MethodParameters.Bindable parameter, Part part, UnaryOperator<Object> convert) {
        if (parameter.type().isPrimitive()) {
            return -1;
        }
        int bit = allocate(1);
        checks.add(new ArgumentPlan.Check(parameter.index(), describe(parameter, part), false, convert, bit, -1));
        return bit;
    }

    /** Whether {@code parameter} passes objects of {@code referenced}, compared by id with the foreign key referring to it. */
    static boolean isEntity(MethodParameters.Bindable parameter, EntityModel<?> referenced) {
        return referenced != null && referenced.type().isAssignableFrom(parameter.type());
    }

    /** Converts the argument, when it is not null, before the call's statement is chosen. */
    void converted(MethodParameters.Bindable parameter, Part part, UnaryOperator<Object> convert) {
        checks.add(new ArgumentPlan.Check(parameter.index(), describe(parameter, part), false, convert, -1, -1));
    }

    /**
     * An object of {@code referenced} to its id, checked per call before any SQL: an object of
     * another class, or one without an id (transient: never saved, so no row can refer to it), is an
     * {@link InvalidArgumentException}.
     */
    UnaryOperator<Object> entityId(MethodParameters.Bindable parameter, Part part, EntityModel<?> referenced) {
        String what = describe(parameter, part);
        Class<?> type = referenced.type();
        String name = type.getSimpleName();
        return value -> {
            if (!type.isInstance(value)) {
                throw new InvalidArgumentException(what + " is a " + value.getClass().getSimpleName() + ", not a " + name);
            }
            if (referenced.hasUnsetId(value)) {
                throw new InvalidArgumentException(what + " is a " + name + " without an id (transient: never saved), "
                        + "which no row can refer to; save it first"
                        + (part == null ? "" : ", or find rows without one with " + part.property() + "IsNull"));
            }
            return referenced.idOf(value);
        };
    }

    void required(MethodParameters.Bindable parameter, Part part) {
        if (!parameter.type().isPrimitive()) {
            checks.add(new ArgumentPlan.Check(parameter.index(), describe(parameter, part), true, null, -1, -1));
        }
    }

    private int allocate(int bits) {
        int start = nextBit;
        nextBit += bits;
        if (nextBit > Long.SIZE) {
            throw new InvalidQueryMethodException("it has too many In and nullable Is/Not conditions to pre-render; "
                    + "split it, or write it with @Query");
        }
        return start;
    }

    ArgumentPlan plan(boolean paged) {
        return new ArgumentPlan(method, checks, count, paged);
    }

    private String describe(MethodParameters.Bindable parameter, Part part) {
        String name = parameter.name() == null ? "" : " (" + parameter.name() + ")";
        String where = part == null ? "" : " for " + part.type().keyword() + " in '" + part.source() + "'";
        return "argument " + (parameter.index() + 1) + name + where;
    }
}
