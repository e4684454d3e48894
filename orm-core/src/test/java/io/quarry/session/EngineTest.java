package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import io.quarry.dialect.H2Dialect;
import io.quarry.internal.DriverManagerDataSource;
import java.sql.Connection;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What an engine is built from and hands out; none of it connects. */
class EngineTest {

    /** Nothing listens on loopback port 1: any attempt to connect fails at once. */
    private final DataSource dataSource = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none", "sa", "");

    private Engine.Builder builder() {
        return Engine.builder(dataSource).dialect(new H2Dialect());
    }

    @Test
    void handsOutTheDataSourceAndDialectItWasBuiltWith() {
        H2Dialect dialect = new H2Dialect();
        Engine engine = Engine.builder(dataSource).dialect(dialect).build();

        assertThat(engine.dataSource()).isSameAs(dataSource);
        assertThat(engine.dialect()).isSameAs(dialect);
        assertThat(engine).hasToString("Engine[h2]");
    }

    @Test
    void takesConnectionsFromTheDataSourceUnlessGivenAProvider() {
        ConnectionProvider provider = new ConnectionProvider() {
            @Override
            public Connection getConnection() {
                throw new AssertionError("not connected");
            }

            @Override
            public void releaseConnection(Connection connection) {
            }
        };

        assertThat(builder().build().connections()).isInstanceOf(DataSourceConnectionProvider.class);
        assertThat(builder().connectionProvider(provider).build().connections()).isSameAs(provider);
    }

    @Test
    void buildsEachEntityModelOnceAndSharesIt() {
        Engine engine = builder().build();

        assertThat(engine.model(Server.class)).isSameAs(engine.models().model(Server.class))
                .isSameAs(engine.model(Server.class));
        assertThat(engine.model(Server.class).table()).isEqualTo("s3_server");
        assertThat(engine.models().codecs()).isSameAs(engine.codecs());
    }

    @Test
    void knowsTheDefaultCodecsAndTheDialectsOwn() {
        Engine engine = builder().build();

        assertThat(engine.codecs().lookup(String.class, false)).isNotNull();
        assertThat(engine.codecs().lookup(java.util.UUID.class, false)).isNotNull();
    }

    @Test
    void hasNoQueryTimeoutUnlessOneIsSet() {
        assertThat(builder().build().queryTimeout()).isNull();
        assertThat(builder().queryTimeout(Duration.ofSeconds(5)).build().queryTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void takesItsBatchSizeAndOtherSettingsInOneChain() {
        Engine engine = builder().showSql(true).batchSize(5).connectionProvider(null).build();

        assertThat(engine.batchSize()).isEqualTo(5);
        assertThat(engine.connections()).isInstanceOf(DataSourceConnectionProvider.class);
        assertThatThrownBy(() -> builder().batchSize(0))
                .isInstanceOf(QuarryException.class)
                .hasMessage("batch size must be at least 1, got 0");
        assertThat(builder().batchSize(1).build().batchSize()).isEqualTo(1);
    }

    @Test
    void parsesEachHandWrittenSqlTextOnce() {
        Engine engine = builder().build();

        NamedSql sql = engine.namedSql("select * from s3_server where name = :name");

        assertThat(engine.namedSql("select * from s3_server where name = :name")).isSameAs(sql);
        assertThat(sql.names()).containsExactly("name");
    }

    @Test
    void writesTheDdlOfEntitiesWithoutRunningIt() {
        Engine engine = builder().build();

        assertThat(engine.ddl(Server.class, Tag.class)).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(ddl -> assertThat(ddl).startsWith("create table s3_server"))
                .anySatisfy(ddl -> assertThat(ddl).startsWith("create table s3_tag"));
        assertThat(engine.ddl()).isEmpty();
    }

    @Test
    void refusesToStartWithoutADataSource() {
        assertThatThrownBy(() -> Engine.builder(null))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Engine needs a DataSource");
    }

    @Test
    void namesTheFixWhenTheDatabaseCannotBeReachedToDetectTheDialect() {
        assertThatThrownBy(() -> Engine.builder(dataSource).build())
                .isInstanceOf(QuarryException.class)
                .hasMessageStartingWith("Cannot connect to detect the database: ")
                .hasMessageEndingWith("; check the URL, user and password, or name the dialect with "
                        + "Engine.builder(...).dialect(...)");
    }

    @Test
    void theDialectsOwnCodecsReplaceTheDefaults() {
        Engine mysql = Engine.builder(dataSource).dialect(new io.quarry.dialect.MySqlDialect(false)).build();

        assertThat(mysql.codecs().lookup(java.util.UUID.class, false)).isSameAs(io.quarry.types.BuiltinCodecs.UUID_AS_CHAR);
        assertThat(builder().build().codecs().lookup(java.util.UUID.class, false))
                .isNotSameAs(io.quarry.types.BuiltinCodecs.UUID_AS_CHAR);
    }

    @Test
    void nPlusOneDetectionCannotBeNull() {
        assertThatThrownBy(() -> builder().nPlusOne(null)).isInstanceOf(QuarryException.class)
                .hasMessage("N+1 detection must not be null; use NPlusOneDetection.OFF to switch it off");
    }

    @Test
    void theDdlOfAManyToManyCreatesItsJoinTableAfterTheEntityTablesAndBeforeTheForeignKeys() {
        java.util.List<String> ddl = builder().build().ddl(io.quarry.relations.Host.class);

        java.util.List<String> creates = ddl.stream().filter(sql -> sql.startsWith("create table")).toList();
        assertThat(creates).anyMatch(sql -> sql.startsWith("create table rl_host_tag ("));
        int joinTable = ddl.indexOf(creates.stream().filter(sql -> sql.startsWith("create table rl_host_tag ("))
                .findFirst().orElseThrow());
        assertThat(ddl.subList(0, joinTable)).allMatch(sql -> sql.startsWith("create"));
        assertThat(ddl.subList(joinTable + 1, ddl.size())).noneMatch(sql -> sql.startsWith("create table"));
    }
}
