package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The structure of one statement built with the expression language, apart from its values: the key
 * under which {@link RenderedSelects} keeps the statement's rendered text, and the values the statement
 * binds, in the order its rendering binds them. The key holds everything the text (or a rendering
 * error) can depend on: node kinds, operators, column identities (path, declaring classes, name), list
 * sizes, flags; never a value. Each node of the language writes its own part next to its
 * {@code render}, in the same order; an expression that does not ({@link Expression}s implemented
 * elsewhere) makes the shape unknown, and such a statement is rendered every time. Built per statement
 * and thrown away; not thread-safe.
 */
final class StatementShape {

    /** A value bound through its target's codec. */
    private static final Object VALUE = new Object();
    /** A ready-made {@link Binding} in a value's place (a repository's run-time {@link Parameter}). */
    private static final Object BINDING = new Object();

    private final List<Object> key;
    private List<Object> values = List.of();
    private boolean known = true;

    /** A shape of {@code kind} whose key will hold about {@code tokens} tokens. */
    StatementShape(Object kind, int tokens) {
        key = new ArrayList<>(tokens);
        key.add(kind);
    }

    /** Adds a part of the key: a node kind, an operator, a name, a flag, a size; never a value. */
    StatementShape token(Object token) {
        key.add(token);
        return this;
    }

    /** Adds {@code expression}'s structure and values. */
    void expression(Expression expression) {
        if (expression instanceof Operand<?> operand) {
            operand.shape(this);
        } else if (expression instanceof Shaped shaped) {
            shaped.shape(this);
        } else {
            known = false;
        }
    }

    /** A value compared with (or bound against) an expression, classified as {@code Values.bind} does. */
    void value(Object value) {
        if (value instanceof Expression expression) {
            expression(expression);
            return;
        }
        key.add(value instanceof Binding ? BINDING : VALUE);
        addValue(value);
    }

    /** A value that goes straight into a binding (LIMIT, OFFSET). */
    void plainValue(Object value) {
        key.add(VALUE);
        addValue(value);
    }

    private void addValue(Object value) {
        if (values.isEmpty()) {
            values = new ArrayList<>(4);
        }
        values.add(value);
    }

    /** Marks the shape unknown: the statement holds something that does not describe itself. */
    void unknown() {
        known = false;
    }

    boolean isKnown() {
        return known;
    }

    /** The key: equal for statements whose rendered text is the same. */
    Object key() {
        return key;
    }

    /** The values, in binding order. */
    List<Object> values() {
        return values;
    }

    /** A node of the expression language that writes its own part of a shape (the package's predicates). */
    interface Shaped {
        void shape(StatementShape shape);
    }
}
