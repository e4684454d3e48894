package io.quarry.types;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Number conversions that never lose digits, shared by every place that binds a value against a
 * column of another numeric type (an {@code int} column compared with a {@code long}, a repository
 * argument, an id). Stateless.
 */
public final class Numbers {

    private Numbers() {
    }

    /** The box of a primitive type ({@code int} -> {@code Integer}); other types unchanged. No allocation for the common ones. */
    public static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        return MethodType.methodType(type).wrap().returnType();
    }

    /**
     * {@code number} as an instance of the boxed numeric {@code type} when no digits are lost
     * (Double and Float take the nearest value; Number means BigDecimal); {@code null} when it does
     * not fit or {@code type} is not numeric.
     */
    public static Object convertExactly(Number number, Class<?> type) {
        try {
            if (type == Double.class) {
                return number.doubleValue();
            }
            if (type == Float.class) {
                return number.floatValue();
            }
            BigDecimal exact = number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
            if (type == Integer.class) {
                return exact.intValueExact();
            }
            if (type == Long.class) {
                return exact.longValueExact();
            }
            if (type == Short.class) {
                return exact.shortValueExact();
            }
            if (type == Byte.class) {
                return exact.byteValueExact();
            }
            if (type == BigDecimal.class || type == Number.class) {
                return exact;
            }
            if (type == BigInteger.class) {
                return exact.toBigIntegerExact();
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
        return null;
    }
}
