package io.quarry.bench.support;

import com.zaxxer.hikari.HikariDataSource;

/**
 * What one benchmark fork shares: the database, the one connection pool every contender uses and
 * the prepared data set. Created by the first contender setup of the fork; thread-safe.
 */
public final class Fixture {

    private static Fixture current;

    private final BenchDatabase db;
    private final HikariDataSource pool;
    private final Dataset dataset;

    private Fixture(BenchDatabase db, HikariDataSource pool, Dataset dataset) {
        this.db = db;
        this.pool = pool;
        this.dataset = dataset;
    }

    /** The fork's fixture, with {@code host_stream} loaded when {@code withStream}. */
    public static synchronized Fixture start(boolean withStream) {
        return start(withStream, BenchDatabase.POOL_SIZE);
    }

    /**
     * The fork's fixture, with {@code host_stream} loaded when {@code withStream} and a pool of
     * {@code poolSize} connections when this call creates it.
     */
    public static synchronized Fixture start(boolean withStream, int poolSize) {
        if (current == null) {
            BenchDatabase db = BenchDatabase.current();
            db.createDatabaseIfMissing();
            HikariDataSource pool = db.createPool(poolSize);
            current = new Fixture(db, pool, Dataset.prepare(db, pool, withStream));
        } else if (withStream) {
            Dataset.prepare(current.db, current.pool, true);
        }
        return current;
    }

    /** The fork's fixture, started before by a contender's setup. */
    public static synchronized Fixture current() {
        if (current == null) {
            throw new IllegalStateException("No fixture yet: a contender state's @Setup starts it");
        }
        return current;
    }

    /** Closes the pool; the next {@link #start} begins anew. */
    public static synchronized void stop() {
        if (current != null) {
            current.pool.close();
            current = null;
        }
    }

    public BenchDatabase db() {
        return db;
    }

    public HikariDataSource pool() {
        return pool;
    }

    public Dataset dataset() {
        return dataset;
    }
}
