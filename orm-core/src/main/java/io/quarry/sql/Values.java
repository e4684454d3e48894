package io.quarry.sql;

import io.quarry.QuarryException;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
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
            context.bind(Slot.PASSED, binding);
            return;
        }
        Codec<Object> codec = target.codec(context);
        if (codec == null) {
            context.bind(new Slot(null, null, target.label()), value);
            return;
        }
        Class<?> type = javaType(target, context);
        String where = type == null ? null : target.label() + (context.model() == null ? ""
                : " of " + context.model().type().getSimpleName());
        context.bind(new Slot(codec, type, where), value);
    }

    /**
     * How the values at one placeholder are bound: through {@code codec} after conversion to {@code type}
     * (none when null), or, without a codec, through the codec of the value's class. What a rendering
     * learns from the expression a value is compared with, kept so that {@link RenderedSelects} binds
     * the values of later statements of the same shape without rendering them.
     *
     * @param codec the target's codec; {@code null}: by the value's class ({@code sum}, {@code avg})
     * @param type what the value is converted to, or {@code null}
     * @param target the target as errors name it
     */
    record Slot(Codec<Object> codec, Class<?> type, String target) {

        /** The slot of a ready-made {@link Binding} in a value's place, bound as it is. */
        static final Slot PASSED = new Slot(null, null, null);

        /** The binding of {@code value} at this placeholder. */
        Binding binding(Object value, CodecRegistry codecs) {
            if (this == PASSED) {
                return (Binding) value;
            }
            return codec == null ? new ValueBinding(value, byValue(value, codecs)) : new ValueBinding(converted(value), codec);
        }

        /** Fails as {@link #binding} would for {@code value}, without making the binding. */
        void check(Object value, CodecRegistry codecs) {
            if (this != PASSED) {
                if (codec == null) {
                    byValue(value, codecs);
                } else {
                    converted(value);
                }
            }
        }

        private Codec<Object> byValue(Object value, CodecRegistry codecs) {
            if (value == null) {
                throw new QuarryException("Cannot bind NULL to " + target + "; use isNull()");
            }
            @SuppressWarnings("unchecked")
            Codec<Object> byValue = (Codec<Object>) codecs.forValue(value);
            return byValue;
        }

        private Object converted(Object value) {
            return value == null || type == null ? value : coerce(value, type, target);
        }
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
