package io.quarry.sql;

import io.quarry.types.Codec;

/**
 * A SQL function or aggregate of one argument (or {@code count(*)}): lower, upper, count, sum,
 * avg, min, max. Immutable and thread-safe.
 *
 * @param <V> the result type
 */
public final class Function<V> extends Operand<V> {

    /** The result is read and bound like the argument (min, max, lower, upper). */
    static final int SAME = 0;
    /** The result is a count, read as Long. */
    static final int COUNT = 1;
    /** The result type is the driver's (sum, avg). */
    static final int DRIVER = 2;

    private final String name;
    private final Expression argument;
    private final boolean distinct;
    private final int resultKind;

    Function(String name, Expression argument, boolean distinct, int resultKind) {
        this.name = name;
        this.argument = argument;
        this.distinct = distinct;
        this.resultKind = resultKind;
    }

    Expression argument() {
        return argument;
    }

    int resultKind() {
        return resultKind;
    }

    @Override
    public void render(RenderContext context) {
        context.append(name).append("(");
        if (argument == null) {
            context.append("*");
        } else {
            if (distinct) {
                context.append("distinct ");
            }
            argument.render(context);
        }
        context.append(")");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Codec<Object> codec(RenderContext context) {
        return switch (resultKind) {
            case SAME -> argument.codec(context);
            case COUNT -> (Codec<Object>) context.codecs().lookup(Long.class, false);
            default -> null;
        };
    }

    @Override
    void shape(StatementShape shape) {
        shape.token(Function.class).token(name).token(distinct).token(resultKind);
        if (argument == null) {
            shape.token(null);
        } else {
            shape.expression(argument);
        }
    }

    @Override
    public String label() {
        return argument == null ? name : name + "_" + argument.label();
    }

    @Override
    public String toString() {
        return name + "(" + (argument == null ? "*" : (distinct ? "distinct " : "") + argument.label()) + ")";
    }
}
