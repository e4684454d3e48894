package io.quarry.spring.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Round robin, back-off, fallback and the read-your-writes window of {@link ReplicaDataSource}, on H2
 * databases in memory that stand for the primary and the replicas (each answers with its own name). That the
 * primary's connections stay read-only is shown on PostgreSQL (ReplicaRoutingIT): H2 ignores the flag.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicaDataSourceTest {

    private static final Duration NO_WINDOW = Duration.ZERO;

    private final DataSource primary = database("primary");

    @Test
    void takesTheReplicasInTurn() throws SQLException {
        ReplicaDataSource replicas = new ReplicaDataSource(primary,
                List.of(replica("a"), replica("b"), replica("c")), Duration.ofSeconds(30), new ReadYourWrites(NO_WINDOW));

        assertThat(names(replicas, 7)).containsExactly("a", "b", "c", "a", "b", "c", "a");
        assertThat(replicas.statistics()).isEqualTo(new ReplicaStatistics(7, 0, 0, 0));
    }

    @Test
    void skipsAReplicaThatGaveNoConnectionForTheBackOffThenTriesItAgain(CapturedOutput output) throws Exception {
        Switchable b = new Switchable("b");
        ReplicaDataSource replicas = new ReplicaDataSource(primary,
                List.of(replica("a"), new ReplicaDataSource.Replica("b", b), replica("c")), Duration.ofMillis(200),
                new ReadYourWrites(NO_WINDOW));
        b.down = true;

        List<String> whileDown = names(replicas, 6);
        b.down = false;
        Thread.sleep(250);
        List<String> afterBackOff = names(replicas, 3);

        assertThat(whileDown).as("b's turns go to the next one").containsExactly("a", "c", "a", "c", "a", "c");
        assertThat(afterBackOff).containsExactly("a", "b", "c");
        assertThat(replicas.statistics()).isEqualTo(new ReplicaStatistics(9, 0, 0, 1));
        assertThat(output).containsOnlyOnce("Read replica b gave no connection (replica b is down); skipping it for 200 ms");
    }

    @Test
    void readsFromThePrimaryWhenNoReplicaGivesAConnection() throws SQLException {
        Switchable a = new Switchable("a");
        a.down = true;
        ReplicaDataSource replicas = new ReplicaDataSource(primary, List.of(new ReplicaDataSource.Replica("a", a)),
                Duration.ofSeconds(30), new ReadYourWrites(NO_WINDOW));

        assertThat(names(replicas, 3)).containsExactly("primary", "primary", "primary");
        assertThat(replicas.statistics()).isEqualTo(new ReplicaStatistics(0, 3, 0, 1));
    }

    @Test
    void readsFromThePrimaryWhileTheThreadsWindowIsOpen() throws Exception {
        ReadYourWrites window = new ReadYourWrites(Duration.ofMillis(200));
        ReplicaDataSource replicas = new ReplicaDataSource(primary, List.of(replica("a")), Duration.ofSeconds(30),
                window);

        window.wrote();
        List<String> inWindow = names(replicas, 2);
        List<String> otherThread = new ArrayList<>();
        Thread reader = new Thread(() -> otherThread.addAll(names(replicas, 1)));
        reader.start();
        reader.join();
        Thread.sleep(250);
        List<String> afterWindow = names(replicas, 1);

        assertThat(inWindow).containsExactly("primary", "primary");
        assertThat(otherThread).containsExactly("a");
        assertThat(afterWindow).containsExactly("a");
        assertThat(replicas.statistics()).isEqualTo(new ReplicaStatistics(2, 0, 2, 0));
    }

    @Test
    void aZeroWindowNeverOpens() {
        ReadYourWrites window = new ReadYourWrites(Duration.ZERO);

        window.wrote();

        assertThat(window.isOpen()).isFalse();
    }

    /** The names of the databases {@code count} connections come from, in order. */
    private static List<String> names(DataSource dataSource, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet name = statement.executeQuery("select name from whoami")) {
                name.next();
                names.add(name.getString(1));
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }

    private static ReplicaDataSource.Replica replica(String name) {
        return new ReplicaDataSource.Replica(name, database(name));
    }

    /** An H2 database in memory, private to this test class, whose table whoami holds its name. */
    private static DataSource database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:replica-test-" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists whoami (name varchar(20))");
            statement.execute("delete from whoami");
            statement.execute("insert into whoami values ('" + name + "')");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return h2;
    }

    /** A replica that refuses connections while {@link #down}. */
    private static final class Switchable extends DelegatingDataSource {

        private final String name;
        volatile boolean down;

        Switchable(String name) {
            super(database(name));
            this.name = name;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("replica " + name + " is down");
            }
            return super.getConnection();
        }
    }
}
