package io.quarry.session;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import io.quarry.types.Codec;
import io.quarry.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Engine-level behaviour: table look-up and failures while binding. */
@CrossDatabaseTest
class EngineIT {

    @Entity
    @Table(name = "s3_axb")
    static class Axb {
        @Id
        Long id;
    }

    @Entity
    @Table(name = "s3_a_b")
    static class AUnderscoreB {
        @Id
        Long id;
    }

    /** A value whose codec refuses some values, as a user codec may. */
    record Code(String value) {
    }

    @Entity
    @Table(name = "s3_coded")
    static class Coded {
        @Id
        Long id;
        Code code;
    }

    static final class StrictCodec implements Codec<Code> {
        @Override
        public SqlType sqlType() {
            return SqlType.VARCHAR;
        }

        @Override
        public void bind(PreparedStatement statement, int index, Code value) throws SQLException {
            if (value.value().isBlank()) {
                throw new IllegalArgumentException("a code cannot be blank");
            }
            statement.setString(index, value.value());
        }

        @Override
        public Code read(ResultSet resultSet, int index) throws SQLException {
            String value = resultSet.getString(index);
            return value == null ? null : new Code(value);
        }
    }

    private final TestDatabase db;
    private final Engine engine;

    EngineIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.builder(db.dataSource()).codec(Code.class, new StrictCodec()).build();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Axb.class, AUnderscoreB.class, Coded.class);
    }

    @Test
    void underscoreInATableNameIsNotAWildcard() {
        engine.dropAll(Axb.class, AUnderscoreB.class);
        assertThat(engine.createAll(Axb.class)).containsExactly("s3_axb");
        assertThat(engine.createAll(AUnderscoreB.class)).as("on %s", db).containsExactly("s3_a_b");
    }

    @Test
    void aCodecThatFailsWhileBindingIsReportedWithTheSql() {
        engine.dropAll(Coded.class);
        engine.createAll(Coded.class);
        try (Session session = engine.openSession()) {
            assertThatThrownBy(() -> session.query(Coded.class).filter(col("code").eq(new Code(" "))).all())
                    .isInstanceOf(QuarryException.class)
                    .hasMessageContaining("query Coded; SQL [select id, code from s3_coded where code = ?]")
                    .hasMessageContaining("a code cannot be blank");
            Coded coded = new Coded();
            coded.id = 1L;
            coded.code = new Code("");
            session.add(coded);
            assertThatThrownBy(session::flush).isInstanceOf(QuarryException.class)
                    .hasMessageContaining("flush Coded; SQL [insert into s3_coded")
                    .hasMessageContaining("a code cannot be blank");
            session.rollback();
        }
    }

    @Test
    void dropsTablesInTheReverseOfTheGivenOrderAndStopsTellingARemovedListener() {
        engine.createAll(Axb.class, AUnderscoreB.class);
        List<String> seen = new ArrayList<>();
        StatementListener listener = (sql, rows, nanos) -> seen.add(sql);
        engine.addStatementListener(listener);

        engine.dropAll(Axb.class, AUnderscoreB.class);
        engine.removeStatementListener(listener);
        engine.createAll(Axb.class);

        assertThat(seen).as("on %s", db).hasSize(2);
        assertThat(seen.get(0)).contains("s3_a_b");
        assertThat(seen.get(1)).contains("s3_axb");
    }

    @Test
    void tellsWhetherATableHasRowsAndRunsStatementsOnAConnectionOfItsOwn() {
        engine.dropAll(Axb.class);
        engine.createAll(Axb.class);
        List<Boolean> answers = new ArrayList<>();

        engine.withConnection("look", connection -> answers.add(engine.hasRows(connection, engine.model(Axb.class))));
        engine.withConnection("insert", connection -> engine.execute(connection, "insert", "insert into s3_axb (id) "
                + "values (1)"));
        engine.withConnection("look", connection -> answers.add(engine.hasRows(connection, engine.model(Axb.class))));

        assertThat(answers).as("on %s", db).containsExactly(false, true);
    }

    @Test
    void anEngineForAJdbcUrlDetectsItsDatabase() {
        Engine byUrl = Engine.create(db.jdbcUrl(), db.user(), db.password());

        assertThat(byUrl.dialect().name()).as("on %s", db).isEqualTo(engine.dialect().name());
        assertThat(byUrl.dataSource()).isNotNull();
    }

    @Test
    void workOnAConnectionOfItsOwnRunsInAutoCommitEvenWhenThePoolHandsOutTransactions() {
        javax.sql.DataSource transactional = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(db.dataSource(), args);
                    if (result instanceof java.sql.Connection connection) {
                        connection.setAutoCommit(false);
                    }
                    return result;
                });
        Engine engine = Engine.builder(transactional).dialect(Engine.create(db.dataSource()).dialect()).build();
        List<Boolean> autoCommit = new ArrayList<>();

        engine.withConnection("check auto-commit", connection -> autoCommit.add(connection.getAutoCommit()));

        assertThat(autoCommit).containsExactly(true);
    }
}
