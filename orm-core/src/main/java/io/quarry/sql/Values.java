package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.types.Codec;
import io.quarry.types.Numbers;

/** Binds a value against an expression: picks the codec and converts numbers to the column's type. Stateless. */
final class Values {

    private Values() {
    }

    /** Appends a placeholder for {@code value} compared with {@code target}. */
    static void bind(RenderContext context, Expression target, Object value) {
        if (value instanceof Expression expression) {
            expression.render(context);
            return;
        }
        if (value instanceof Binding binding) {
            context.bind(binding);
            return;
        }
        Codec<Object> codec = target.codec(context);
        if (codec == null) {
            if (value == null) {
                throw new QuarryException("Cannot bind NULL to " + target.label() + "; use isNull()");
            }
            @SuppressWarnings("unchecked")
            Codec<Object> byValue = (Codec<Object>) context.codecs().forValue(value);
            codec = byValue;
        } else if (value != null) {
            Class<?> type = javaType(target, context);
            if (type != null) {
                value = coerce(value, type, target.label() + (context.model() == null ? ""
                        : " of " + context.model().type().getSimpleName()));
            }
        }
        context.bind(value, codec);
    }

    /**
     * The Java type the codec of {@code target} binds: a column's property type, also through
     * min/max/lower/upper and arithmetic on it; {@code null} when unknown.
     */
    private static Class<?> javaType(Expression target, RenderContext context) {
        if (target instanceof Column<?> column) {
            return column.javaType(context);
        }
        if (target instanceof Function<?> function) {
            return function.resultKind() == Function.COUNT ? Long.class
                    : function.resultKind() == Function.SAME ? javaType(function.argument(), context) : null;
        }
        if (target instanceof Arithmetic<?> arithmetic) {
            return javaType(arithmetic.left(), context);
        }
        return null;
    }

    /** {@code value} as an instance of {@code type}; numbers convert when no digits are lost. */
    static Object coerce(Object value, Class<?> type, String where) {
        Class<?> boxed = Numbers.boxed(type);
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number) {
            Object converted = Numbers.convertExactly(number, boxed);
            if (converted != null) {
                return converted;
            }
        }
        throw new QuarryException("Value " + value + " (" + value.getClass().getSimpleName() + ") does not fit " + where
                + ", which is " + type.getSimpleName() + "; pass " + withArticle(boxed.getSimpleName()));
    }

    private static String withArticle(String typeName) {
        return ("AEIOU".indexOf(typeName.charAt(0)) >= 0 ? "an " : "a ") + typeName;
    }
}
