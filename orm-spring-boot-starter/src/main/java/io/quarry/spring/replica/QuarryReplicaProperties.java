package io.quarry.spring.replica;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code quarry.replicas.*} properties: the read replicas of the primary ({@code spring.datasource.*})
 * and how reads are routed to them. Bound once at start-up; not thread-safe while binding.
 */
@ConfigurationProperties("quarry.replicas")
public class QuarryReplicaProperties {

    /**
     * Whether read-only transactions and Quarry's reads outside a transaction go to the replicas. On when
     * any replica is configured (here or as a @QuarryReplica DataSource bean); false sends everything to the
     * primary.
     */
    private boolean enabled = true;

    /** The replicas, each with a HikariCP pool of its own, used round robin. */
    private List<Node> nodes = new ArrayList<>();

    /** How long a replica that failed to give a connection is skipped; its reads go to the primary meanwhile. */
    private Duration backOff = Duration.ofSeconds(30);

    /**
     * How long a thread reads from the primary after it committed a read-write transaction, so that it sees
     * its own writes despite replication lag; 0 turns it off.
     */
    private Duration readYourWrites = Duration.ofSeconds(2);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<Node> getNodes() {
        return nodes;
    }

    public void setNodes(List<Node> nodes) {
        this.nodes = nodes;
    }

    public Duration getBackOff() {
        return backOff;
    }

    public void setBackOff(Duration backOff) {
        this.backOff = backOff;
    }

    public Duration getReadYourWrites() {
        return readYourWrites;
    }

    public void setReadYourWrites(Duration readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    /** One replica: where it is and its pool's settings. */
    public static class Node {

        /** JDBC URL of the replica. */
        private String url;

        /** Login user of the replica; defaults to the primary's (spring.datasource.username). */
        private String username;

        /** Login password of the replica; defaults to the primary's (spring.datasource.password). */
        private String password;

        /**
         * The replica's HikariCP pool, with the keys of spring.datasource.hikari.*. Differs from Hikari's defaults
         * in connection-timeout (2 s: a replica that gives no connection by then is skipped, and its reads go to
         * the primary), initialization-fail-timeout (-1: the application starts while a replica is down) and
         * read-only (always true).
         */
        @NestedConfigurationProperty
        private final HikariConfig hikari = replicaDefaults();

        private static HikariConfig replicaDefaults() {
            HikariConfig defaults = new HikariConfig();
            defaults.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
            defaults.setInitializationFailTimeout(-1);
            return defaults;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public HikariConfig getHikari() {
            return hikari;
        }
    }
}
