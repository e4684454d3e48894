package io.quarry.bench.jdbc;

import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.PointReads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Raw JDBC doing what Spring Data does around every repository read: a read-only transaction per
 * call ({@code setAutoCommit(false)}, {@code setReadOnly(true)}, the select, {@code commit}, then
 * both settings restored, as DataSourceTransactionManager restores them). The same statement and
 * mapping as {@link JdbcContender}; the difference between the two is the price of the transaction.
 * FindById only.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class JdbcReadOnlyTransactionContender implements PointReads<JdbcHost> {

    private DataSource pool;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Uses the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        pool = fixture.pool();
    }

    @Override
    public JdbcHost findById(long id) {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                JdbcHost host;
                try (PreparedStatement statement = connection.prepareStatement(JdbcContender.BY_ID)) {
                    statement.setLong(1, id);
                    try (ResultSet result = statement.executeQuery()) {
                        host = result.next() ? JdbcContender.host(result) : null;
                    }
                }
                connection.commit();
                return host;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public HostRow row(JdbcHost host) {
        return host == null ? null : host.row();
    }
}
