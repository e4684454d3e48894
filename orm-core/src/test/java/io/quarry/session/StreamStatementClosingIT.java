package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.sql.SqlStatement;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stream that cannot be handed out (its mapper cannot read the result set, a value cannot be bound)
 * closes its statement before the failure leaves, as nobody else could close it; the real database's
 * statements are watched through a DataSource that wraps each prepared statement.
 */
@CrossDatabaseTest
class StreamStatementClosingIT {

    @Entity
    @Table(name = "ssc_note")
    record Note(@Id Long id, String text) {
    }

    private final TestDatabase db;
    private final List<PreparedStatement> prepared = new CopyOnWriteArrayList<>();
    private Engine engine;

    StreamStatementClosingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        db.dropTablesQuietly("ssc_note");
        engine = Engine.create(watching(db.dataSource()));
        engine.createAll(Note.class);
        engine.sessionFactory().inTransaction(session -> {
            session.add(new Note(1L, "first"));
        });
        prepared.clear();
    }

    @AfterEach
    void dropTable() {
        db.dropTablesQuietly("ssc_note");
    }

    private StatementSession openStatementSession() {
        return engine.sessionFactory().openSession(engine.connections(), SessionOptions.DEFAULTS).session();
    }

    @Test
    void aMapperThatCannotReadTheResultSetLeavesNoStatementOpen() throws Exception {
        SqlStatement select = new SqlStatement("select id, text from ssc_note", List.of());
        ResultMapper<String> unreadable = new ResultMapper<>() {
            @Override
            public String map(java.sql.ResultSet resultSet) {
                throw new AssertionError("never reached");
            }

            @Override
            public ResultMapper<String> specialize(java.sql.ResultSet resultSet) {
                throw new IllegalStateException("no column named 'title'");
            }
        };
        try (StatementSession session = openStatementSession()) {
            assertThatThrownBy(() -> session.stream(select, new Object[0], unreadable))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no column named 'title'");

            assertThat(prepared).as("statements prepared on %s", db).hasSize(1);
            assertThat(prepared.get(0).isClosed()).as("the stream's statement is closed on %s", db).isTrue();
        }
    }

    @Test
    void aStreamThatReadsItsRowsClosesItsStatementWhenClosed() throws Exception {
        SqlStatement select = new SqlStatement("select id, text from ssc_note", List.of());
        try (StatementSession session = openStatementSession()) {
            try (Stream<String> texts = session.stream(select, new Object[0], rows -> rows.getString("text"))) {
                assertThat(texts.toList()).containsExactly("first");
                assertThat(prepared.get(0).isClosed()).as("open while the stream is").isFalse();
            }
            assertThat(prepared.get(0).isClosed()).as("the stream's statement is closed on %s", db).isTrue();
        }
    }

    @Test
    void sqlTheDatabaseRefusesFailsWithItsErrorAndLeavesNoStatementOpen() throws Exception {
        SqlStatement select = new SqlStatement("select id from ssc_no_such_table", List.of());
        try (StatementSession session = openStatementSession()) {
            assertThatThrownBy(() -> session.stream(select, new Object[0], rows -> rows.getLong(1)))
                    .isInstanceOf(io.quarry.StatementException.class)
                    .hasMessageContaining("select id from ssc_no_such_table");

            for (PreparedStatement statement : prepared) {
                assertThat(statement.isClosed()).as("the stream's statement is closed on %s", db).isTrue();
            }
        }
    }

    @Test
    void sqlThatFailsWhenItRunsClosesItsStatement() throws Exception {
        // MariaDB casts 'first' to 0 without an error, but refuses an unknown column only when the
        // statement runs (its driver prepares on the client); H2 refuses that one already when preparing
        String sql = db.name().equals("mysql") ? "select no_such_column from ssc_note"
                : "select id from ssc_note where id = cast(text as int)";
        try (StatementSession session = openStatementSession()) {
            assertThatThrownBy(() -> session.stream(new SqlStatement(sql, List.of()), new Object[0],
                    rows -> rows.getLong(1))).isInstanceOf(io.quarry.StatementException.class);

            assertThat(prepared).as("statements prepared on %s", db).hasSize(1);
            assertThat(prepared.get(0).isClosed()).as("the stream's statement is closed on %s", db).isTrue();
        }
    }

    /** The real DataSource, its connections and their prepared statements, each statement remembered. */
    private DataSource watching(DataSource target) {
        return proxy(DataSource.class, target, (self, method, args) -> {
            Object result = call(target, method, args);
            if (!method.getName().equals("getConnection")) {
                return result;
            }
            Connection connection = (Connection) result;
            return proxy(Connection.class, connection, (inner, connectionMethod, connectionArgs) -> {
                Object made = call(connection, connectionMethod, connectionArgs);
                if (made instanceof PreparedStatement statement) {
                    prepared.add(statement);
                }
                return made;
            });
        });
    }

    private static <T> T proxy(Class<T> type, Object target, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
