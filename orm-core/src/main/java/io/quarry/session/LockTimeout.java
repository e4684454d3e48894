package io.quarry.session;

import io.quarry.dialect.Dialect;
import io.quarry.dialect.LockTimeoutStatements;
import io.quarry.sql.Binding;
import io.quarry.sql.SqlStatement;
import io.quarry.sql.ValueBinding;
import io.quarry.types.BuiltinCodecs;
import io.quarry.types.Codec;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lock timeout a session gives each of its transactions: how long a statement waits for a lock
 * another transaction holds before it fails with a {@link io.quarry.LockFailureException}. The
 * session's own ({@link SessionOptions#lockTimeout()}), else the engine's default, else none (the
 * database's own setting). It is set once, when the session takes its connection for a transaction,
 * through the dialect's {@link LockTimeoutStatements} and the engine's one statement path, and put
 * back before the connection is given back (PostgreSQL's ends with the transaction by itself).
 * Immutable and thread-safe.
 */
final class LockTimeout {

    static final LockTimeout NONE = new LockTimeout(null, null, null);

    private final Duration limit;
    private final String source;
    private final String setting;

    private LockTimeout(Duration limit, String source, String setting) {
        this.limit = limit;
        this.source = source;
        this.setting = setting;
    }

    /** The session's own lock timeout, else the engine's; {@link Duration#ZERO} in the session means none. */
    static LockTimeout of(SessionOptions options, Duration engineDefault) {
        if (options.lockTimeout() != null) {
            return options.lockTimeout().isZero() ? NONE
                    : new LockTimeout(options.lockTimeout(), "the session's lock timeout",
                            "SessionOptions.withLockTimeout(...)");
        }
        return engineDefault == null || engineDefault.isZero() ? NONE
                : new LockTimeout(engineDefault, "the engine's lock timeout",
                        "Engine.builder(...).lockTimeout(...) or, in Spring, quarry.lock-timeout");
    }

    boolean isSet() {
        return limit != null;
    }

    /** What ends a lock wait when this timeout is in force, e.g. {@code "the session's lock timeout of 500 ms"}. */
    String describe(Dialect dialect) {
        return source + " of " + dialect.lockTimeout().describe(limit);
    }

    /** What to do when this timeout ended a lock wait. */
    String advice() {
        return "roll back and retry the transaction, or change the lock timeout with " + setting;
    }

    /**
     * Sets this lock timeout on {@code connection}, which is in a transaction; returns what
     * {@link #restore} needs to put the connection back as it was (an empty array where the setting
     * ends with the transaction).
     */
    int[] apply(Engine engine, Connection connection) {
        LockTimeoutStatements statements = engine.dialect().lockTimeout();
        int[] previous = new int[0];
        if (!statements.endsWithTransaction()) {
            SqlStatement read = new SqlStatement(statements.read(), List.of());
            previous = engine.executor().query(connection, StatementTimeout.NONE, "read the lock timeout", read,
                    SessionSupport.NO_ARGS, resultSet -> {
                        resultSet.next();
                        int[] values = new int[statements.parameterCount()];
                        for (int i = 0; i < values.length; i++) {
                            values[i] = resultSet.getInt(i + 1);
                        }
                        return values;
                    });
        }
        Object value = statements.value(limit);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < statements.parameterCount(); i++) {
            values.add(value);
        }
        engine.executor().execute(connection, "set the lock timeout", statement(statements.set(), values));
        return previous;
    }

    /** Puts back the values {@link #apply} read, where the setting outlives the transaction. */
    static void restore(Engine engine, Connection connection, int[] previous) {
        LockTimeoutStatements statements = engine.dialect().lockTimeout();
        if (statements.endsWithTransaction()) {
            return;
        }
        List<Object> values = new ArrayList<>();
        for (int value : previous) {
            values.add(value);
        }
        engine.executor().execute(connection, "restore the lock timeout", statement(statements.set(), values));
    }

    private static SqlStatement statement(String sql, List<Object> values) {
        List<Binding> bindings = new ArrayList<>(values.size());
        for (Object value : values) {
            bindings.add(new ValueBinding(value, codec(value)));
        }
        return new SqlStatement(sql, bindings);
    }

    @SuppressWarnings("unchecked")
    private static Codec<Object> codec(Object value) {
        Codec<?> codec = value instanceof String ? BuiltinCodecs.STRING : BuiltinCodecs.INTEGER;
        return (Codec<Object>) codec;
    }

    @Override
    public String toString() {
        return isSet() ? source + " of " + limit : "no lock timeout";
    }
}
