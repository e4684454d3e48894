package io.quarry.bench;

import io.quarry.bench.support.BenchDatabase;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Index;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Window;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Scrolling deep (#15): the 100th window of 100 rows, ordered by a non-unique indexed column and the id
 * (rows 9,900 to 9,999 of 1,000,000), read from a keyset position (a WHERE on the sort keys) and from an
 * offset position (OFFSET 9,900), through a Quarry repository and as hand-written JDBC. The table
 * {@code scroll_row} is seeded once per trial in one statement on the server (generate_series, a recursive
 * CTE, H2's system_range) and dropped after it. Not part of the other workloads' runs:
 * {@code benchmarks/run.sh full mysql ScrollDeep}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScrollDeep {

    static final int ROWS = 1_000_000;
    static final int WINDOW = 100;
    static final int WINDOW_NUMBER = 100;

    @Entity
    @Table(name = "scroll_row")
    @Index(columns = {"bucket", "id"})
    public record ScrollRow(@Id @GeneratedValue Long id, int bucket, String name, String payload) {
    }

    public interface ScrollRows extends CrudRepository<ScrollRow, Long> {
        Window<ScrollRow> findFirst100ByOrderByBucket(ScrollPosition position);
    }

    /** The seeded table, the repository and the positions of the last row of window 99. */
    @State(Scope.Benchmark)
    public static class Fixture {
        HikariDataSource pool;
        ScrollRows repository;
        ScrollPosition keyset;
        ScrollPosition offset;
        int bucket;
        long id;

        @Setup(Level.Trial)
        public void seed() throws SQLException {
            BenchDatabase database = BenchDatabase.current();
            database.createDatabaseIfMissing();
            pool = database.createPool();
            drop();
            Engine engine = Engine.create(pool);
            engine.createAll(ScrollRow.class);
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                long start = System.nanoTime();
                if (database == BenchDatabase.MYSQL) {
                    statement.execute("set session max_recursive_iterations = " + (ROWS + 1));
                }
                statement.execute(seedSql(database));
                statement.execute(database == BenchDatabase.POSTGRESQL ? "analyze scroll_row"
                        : "analyze table scroll_row");
                System.out.printf("%nseeded %,d rows in %.1f s%n", ROWS, (System.nanoTime() - start) / 1e9);
            }
            repository = RepositoryFactory.of(engine.sessionFactory()).create(ScrollRows.class);
            long last = (long) (WINDOW_NUMBER - 1) * WINDOW - 1; // the last row of window 99
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "select bucket, id from scroll_row order by bucket, id limit 1 offset ?")) {
                statement.setLong(1, last);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    bucket = row.getInt(1);
                    id = row.getLong(2);
                }
            }
            keyset = ScrollPosition.forward(Map.of("bucket", bucket, "id", id));
            offset = ScrollPosition.offset(last);
            check();
        }

        private static String seedSql(BenchDatabase database) {
            String values = "(n * 7919) % 100000, concat('row-', n), repeat('x', 60)";
            return switch (database) {
                case POSTGRESQL -> "insert into scroll_row (bucket, name, payload) select ((n::bigint * 7919) % 100000)"
                        + "::int, 'row-' || n, repeat('x', 60) from generate_series(1, " + ROWS + ") n";
                case MYSQL -> "insert into scroll_row (bucket, name, payload) with recursive g(n) as (select 1 union all "
                        + "select n + 1 from g where n < " + ROWS + ") select " + values + " from g";
                case H2 -> "insert into scroll_row (bucket, name, payload) select " + values + " from (select x as n "
                        + "from system_range(1, " + ROWS + "))";
            };
        }

        /** Every contender reads the same 100 rows, those a full ordered read has at 9,900 to 9,999. */
        private void check() throws SQLException {
            List<Long> expected = readOffset(this);
            if (expected.size() != WINDOW || !expected.equals(readKeyset(this))
                    || !expected.equals(ids(repository.findFirst100ByOrderByBucket(keyset)))
                    || !expected.equals(ids(repository.findFirst100ByOrderByBucket(offset)))) {
                throw new IllegalStateException("the contenders read different windows");
            }
        }

        private void drop() throws SQLException {
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists scroll_row");
            }
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            drop();
            pool.close();
        }
    }

    private static List<Long> ids(Window<ScrollRow> window) {
        return window.getContent().stream().map(ScrollRow::id).toList();
    }

    @Benchmark
    public Window<ScrollRow> quarryKeyset(Fixture fixture) {
        return fixture.repository.findFirst100ByOrderByBucket(fixture.keyset);
    }

    @Benchmark
    public Window<ScrollRow> quarryOffset(Fixture fixture) {
        return fixture.repository.findFirst100ByOrderByBucket(fixture.offset);
    }

    @Benchmark
    public List<Long> jdbcKeyset(Fixture fixture) throws SQLException {
        return readKeyset(fixture);
    }

    @Benchmark
    public List<Long> jdbcOffset(Fixture fixture) throws SQLException {
        return readOffset(fixture);
    }

    // the JDBC equivalents: the same columns into the same record, the keyset WHERE Quarry renders
    static List<Long> readKeyset(Fixture fixture) throws SQLException {
        try (Connection connection = fixture.pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id, bucket, name, payload from scroll_row "
                     + "where bucket >= ? and (bucket > ? or (bucket = ? and id > ?)) order by bucket, id limit ?")) {
            statement.setInt(1, fixture.bucket);
            statement.setInt(2, fixture.bucket);
            statement.setInt(3, fixture.bucket);
            statement.setLong(4, fixture.id);
            statement.setLong(5, WINDOW + 1);
            return read(statement);
        }
    }

    static List<Long> readOffset(Fixture fixture) throws SQLException {
        try (Connection connection = fixture.pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("select id, bucket, name, payload from scroll_row "
                     + "order by bucket, id limit ? offset ?")) {
            statement.setLong(1, WINDOW + 1);
            statement.setLong(2, (long) (WINDOW_NUMBER - 1) * WINDOW);
            return read(statement);
        }
    }

    private static List<Long> read(PreparedStatement statement) throws SQLException {
        List<ScrollRow> rows = new ArrayList<>(WINDOW + 1);
        try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
                rows.add(new ScrollRow(result.getLong(1), result.getInt(2), result.getString(3), result.getString(4)));
            }
        }
        return rows.subList(0, Math.min(WINDOW, rows.size())).stream().map(ScrollRow::id).toList();
    }
}
