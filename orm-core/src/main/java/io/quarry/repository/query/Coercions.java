package io.quarry.repository.query;

import io.quarry.repository.InvalidArgumentException;
import io.quarry.types.Numbers;
import java.util.function.UnaryOperator;

/**
 * Converts method arguments to property types and column values to result types, decided once
 * per method: identity when the types already agree, a lossless numeric conversion between number
 * types, a checked cast when the declared type is a supertype (Object, Number). Stateless.
 */
public final class Coercions {

    private static final UnaryOperator<Object> IDENTITY = value -> value;

    private Coercions() {
    }

    public static UnaryOperator<Object> identity() {
        return IDENTITY;
    }

    /**
     * How to turn a value declared as {@code from} into {@code to}, or {@code null} when it never
     * can. {@code what} names the value in run-time errors.
     */
    public static UnaryOperator<Object> converter(Class<?> from, Class<?> to, String what) {
        Class<?> source = Types.boxed(from);
        Class<?> target = Types.boxed(to);
        if (target.isAssignableFrom(source)) {
            return IDENTITY;
        }
        boolean numbers = Number.class.isAssignableFrom(source) && Number.class.isAssignableFrom(target);
        if (numbers || source.isAssignableFrom(target)) {
            return value -> convert(value, target, what);
        }
        return null;
    }

    /** {@code value} as an instance of {@code target}; numbers convert when no digit is lost. */
    public static Object convert(Object value, Class<?> target, String what) {
        Class<?> boxed = Types.boxed(target);
        if (value == null || boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            Object converted = Numbers.convertExactly(number, boxed);
            if (converted != null) {
                return converted;
            }
        }
        throw new InvalidArgumentException(what + " is " + value + " (" + value.getClass().getSimpleName()
                + "), which does not fit " + target.getSimpleName());
    }
}
