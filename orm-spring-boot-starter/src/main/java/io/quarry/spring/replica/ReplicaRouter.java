package io.quarry.spring.replica;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

/**
 * The replicas of the application, their pools (those of {@code quarry.replicas.nodes}, which it owns and
 * closes) and the routing it puts in front of the primary DataSource: a {@link LazyConnectionDataSourceProxy}
 * whose read-only DataSource is a {@link ReplicaDataSource}. Thread-safe.
 */
final class ReplicaRouter implements ReadReplicas, DisposableBean {

    private final List<ReplicaDataSource.Replica> replicas;
    private final List<HikariDataSource> ownPools;
    private final QuarryReplicaProperties properties;
    private final ReadYourWrites readYourWrites;
    private volatile ReplicaDataSource routing;

    private ReplicaRouter(List<ReplicaDataSource.Replica> replicas, List<HikariDataSource> ownPools,
            QuarryReplicaProperties properties) {
        this.replicas = List.copyOf(replicas);
        this.ownPools = List.copyOf(ownPools);
        this.properties = properties;
        this.readYourWrites = new ReadYourWrites(properties.getReadYourWrites());
    }

    /**
     * The replicas of {@code properties} (a pool each, not connected before first use) followed by the
     * application's {@link QuarryReplica} beans, by name.
     *
     * @param primaryUsername login of a replica that names none (the primary's), may be null
     * @param primaryPassword password of a replica that names no username, may be null
     */
    static ReplicaRouter of(QuarryReplicaProperties properties, Map<String, DataSource> replicaBeans,
            String primaryUsername, String primaryPassword) {
        List<ReplicaDataSource.Replica> replicas = new ArrayList<>();
        List<HikariDataSource> pools = new ArrayList<>();
        List<QuarryReplicaProperties.Node> nodes = properties.getNodes();
        for (int i = 0; i < nodes.size(); i++) {
            HikariDataSource pool = pool(nodes.get(i), i, primaryUsername, primaryPassword);
            pools.add(pool);
            replicas.add(new ReplicaDataSource.Replica(pool.getPoolName(),
                    pool.getPoolName() + " (" + pool.getJdbcUrl() + ")", pool));
        }
        replicaBeans.forEach((name, dataSource) -> replicas.add(new ReplicaDataSource.Replica(name, dataSource)));
        return new ReplicaRouter(replicas, pools, properties);
    }

    private static HikariDataSource pool(QuarryReplicaProperties.Node node, int index, String primaryUsername,
            String primaryPassword) {
        HikariDataSource pool = new HikariDataSource();
        node.getHikari().copyStateTo(pool);
        if (StringUtils.hasText(node.getUrl())) {
            pool.setJdbcUrl(node.getUrl());
        }
        if (!StringUtils.hasText(pool.getJdbcUrl())) {
            throw new IllegalStateException("quarry.replicas.nodes[" + index + "].url is not set: give each replica "
                    + "its JDBC URL, e.g. quarry.replicas.nodes[" + index + "].url=jdbc:postgresql://replica:5432/app");
        }
        if (node.getUsername() != null) {
            pool.setUsername(node.getUsername());
            pool.setPassword(node.getPassword());
        } else if (pool.getUsername() == null) {
            pool.setUsername(primaryUsername);
            pool.setPassword(node.getPassword() != null ? node.getPassword() : primaryPassword);
        }
        if (pool.getPoolName() == null) {
            pool.setPoolName("quarry-replica-" + (index + 1));
        }
        pool.setReadOnly(true);
        return pool;
    }

    boolean hasReplicas() {
        return !replicas.isEmpty();
    }

    /** Every replica, in routing order. */
    List<ReplicaDataSource.Replica> replicas() {
        return replicas;
    }

    ReadYourWrites readYourWrites() {
        return readYourWrites;
    }

    /**
     * The DataSource to use instead of {@code primary}: read-write work on {@code primary}, read-only work
     * (connections marked read-only before their first statement) through a {@link ReplicaDataSource}.
     */
    DataSource route(DataSource primary) {
        ReplicaDataSource replicaDataSource = new ReplicaDataSource(primary, replicas, properties.getBackOff(),
                readYourWrites);
        routing = replicaDataSource;
        LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(primary);
        proxy.setReadOnlyDataSource(replicaDataSource);
        return proxy;
    }

    @Override
    public List<String> names() {
        return replicas.stream().map(ReplicaDataSource.Replica::name).toList();
    }

    @Override
    public ReplicaStatistics statistics() {
        ReplicaDataSource current = routing;
        return current != null ? current.statistics() : new ReplicaStatistics(0, 0, 0, 0);
    }

    @Override
    public void destroy() {
        ownPools.forEach(HikariDataSource::close);
    }

    @Override
    public String toString() {
        return "ReadReplicas" + names() + ", " + readYourWrites + ", back-off " + properties.getBackOff();
    }
}
