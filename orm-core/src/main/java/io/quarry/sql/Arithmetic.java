package io.quarry.sql;

import io.quarry.types.Codec;

/** {@code left + amount} or {@code left - amount}, the amount bound as a parameter. Immutable. */
final class Arithmetic<V> extends Operand<V> {

    private final Operand<V> left;
    private final String operator;
    private final Number amount;

    Arithmetic(Operand<V> left, String operator, Number amount) {
        this.left = left;
        this.operator = operator;
        this.amount = java.util.Objects.requireNonNull(amount, "amount");
    }

    Operand<V> left() {
        return left;
    }

    @Override
    public void render(RenderContext context) {
        context.append("(");
        left.render(context);
        context.append(" ").append(operator).append(" ");
        Values.bind(context, left, amount);
        context.append(")");
    }

    @Override
    void shape(StatementShape shape) {
        shape.token(Arithmetic.class).token(operator);
        shape.expression(left);
        shape.value(amount);
    }

    @Override
    public Codec<Object> codec(RenderContext context) {
        return left.codec(context);
    }

    @Override
    public String label() {
        return left.label();
    }
}
