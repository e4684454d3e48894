package io.quarry.spring.replica;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;

/**
 * The health of one read replica: Boot's own DataSource check on a connection from it (so a replica
 * counts as Boot counts a DataSource), and whether the routing currently skips it after a failed connect.
 * A replica that is down makes the application's health DOWN, as a DataSource does in Boot; exclude
 * {@code replicas} from a health group where reads falling back to the primary are good enough.
 * Thread-safe.
 */
final class ReplicaHealth implements HealthIndicator {

    private final ReplicaDataSource.Replica replica;
    private final DataSourceHealthIndicator check;

    private ReplicaHealth(ReplicaDataSource.Replica replica) {
        this.replica = replica;
        this.check = new DataSourceHealthIndicator(replica.dataSource());
    }

    /** One indicator per replica, under its pool or bean name, in routing order. */
    static CompositeHealthContributor of(List<ReplicaDataSource.Replica> replicas) {
        Map<String, ReplicaHealth> byKey = new LinkedHashMap<>();
        replicas.forEach(replica -> byKey.put(replica.key(), new ReplicaHealth(replica)));
        return CompositeHealthContributor.fromMap(byKey);
    }

    @Override
    public Health health() {
        Health checked = check.health();
        return Health.status(checked.getStatus())
                .withDetails(checked.getDetails())
                .withDetail("routing", replica.isSkipped() ? "skipped after a failed connect (quarry.replicas.back-off)"
                        : "in rotation")
                .build();
    }
}
