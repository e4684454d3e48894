package io.quarry.spring.replica;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The read-only DataSource behind the routing: each connection comes from the next replica in round-robin
 * order; a replica that fails to give one is skipped for the back-off period (logged at WARN, counted),
 * and when no replica can give one, or the thread's read-your-writes window is open, the primary gives it,
 * marked read-only so that a read-only transaction stays one. Thread-safe.
 */
final class ReplicaDataSource extends AbstractDataSource {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaDataSource.class);

    private final DataSource primary;
    private final List<Replica> replicas;
    private final long backOffNanos;
    private final ReadYourWrites readYourWrites;
    private final AtomicInteger next = new AtomicInteger();
    private final LongAdder fromReplica = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder afterWrites = new LongAdder();
    private final LongAdder failedConnects = new LongAdder();

    ReplicaDataSource(DataSource primary, List<Replica> replicas, Duration backOff, ReadYourWrites readYourWrites) {
        if (replicas.isEmpty()) {
            throw new IllegalArgumentException("a ReplicaDataSource needs at least one replica");
        }
        this.primary = primary;
        this.replicas = List.copyOf(replicas);
        this.backOffNanos = backOff.toNanos();
        this.readYourWrites = readYourWrites;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (readYourWrites.isOpen()) {
            afterWrites.increment();
            return readOnlyFromPrimary();
        }
        int count = replicas.size();
        // each attempt takes the next turn, so that the replicas after a skipped one share its reads evenly
        for (int attempt = 0; attempt < count; attempt++) {
            Replica replica = replicas.get(Math.floorMod(next.getAndIncrement(), count));
            if (replica.isSkipped()) {
                continue;
            }
            try {
                Connection connection = replica.dataSource().getConnection();
                fromReplica.increment();
                return connection;
            } catch (SQLException | RuntimeException e) {
                failedConnects.increment();
                replica.skipFor(backOffNanos);
                LOG.warn("Read replica {} gave no connection ({}); skipping it for {} ms (quarry.replicas.back-off): its "
                        + "reads go to the other replicas, or to the primary when none can take them", replica.name(),
                        reason(e), TimeUnit.NANOSECONDS.toMillis(backOffNanos));
            }
        }
        fallbacks.increment();
        return readOnlyFromPrimary();
    }

    /** The failure's message and, where a pool wraps it, that of its first cause (e.g. "Connection refused"). */
    private static String reason(Throwable failure) {
        Throwable cause = failure.getCause();
        return cause == null || cause == failure ? failure.getMessage()
                : failure.getMessage() + "; caused by " + cause.getMessage();
    }

    private Connection readOnlyFromPrimary() throws SQLException {
        Connection connection = primary.getConnection();
        try {
            connection.setReadOnly(true);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Per-call credentials would need a pool per user on every replica; the replicas have their own logins. */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("Read replicas take no per-call login: each has its own, "
                + "in quarry.replicas.nodes[n].username/password or in its @QuarryReplica DataSource bean");
    }

    List<String> names() {
        return replicas.stream().map(Replica::name).toList();
    }

    ReplicaStatistics statistics() {
        return new ReplicaStatistics(fromReplica.sum(), fallbacks.sum(), afterWrites.sum(), failedConnects.sum());
    }

    @Override
    public String toString() {
        return "ReplicaDataSource[replicas " + names() + ", primary " + primary + "]";
    }

    /** One replica and until when it is skipped. */
    static final class Replica {

        private final String key;
        private final String name;
        private final DataSource dataSource;
        /** System.nanoTime until which it is skipped; meaningful only while {@link #skipping}. */
        private volatile long skippedUntil;
        private volatile boolean skipping;

        Replica(String name, DataSource dataSource) {
            this(name, name, dataSource);
        }

        /**
         * @param key  its short name (pool or bean name), as health reports it
         * @param name its name in logs and {@link ReadReplicas#names()}
         */
        Replica(String key, String name, DataSource dataSource) {
            this.key = key;
            this.name = name;
            this.dataSource = dataSource;
        }

        String key() {
            return key;
        }

        String name() {
            return name;
        }

        DataSource dataSource() {
            return dataSource;
        }

        boolean isSkipped() {
            if (!skipping) {
                return false;
            }
            if (skippedUntil - System.nanoTime() > 0) {
                return true;
            }
            skipping = false;
            return false;
        }

        void skipFor(long nanos) {
            skippedUntil = System.nanoTime() + nanos;
            skipping = true;
        }
    }
}
