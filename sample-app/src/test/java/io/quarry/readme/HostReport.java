package io.quarry.readme;

import io.quarry.session.Session;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

// README: replica-reads
@Service
public class HostReport {
    private final HostRepository hosts;
    private final Session session;
    private final JdbcTemplate jdbc;

    public HostReport(HostRepository hosts, Session session, JdbcTemplate jdbc) {
        this.hosts = hosts;
        this.session = session;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)                // a replica, round robin
    public Summary summary() {
        long total = session.query(Host.class).count();
        long ports = jdbc.queryForObject(          // the same connection, the same snapshot
                "select count(distinct port) from host", Long.class);
        return new Summary(total, ports);
    }

    public Optional<Host> find(String hostname) {  // no transaction: a short read, on a replica too
        return hosts.findByHostname(hostname);
    }

    public record Summary(long hosts, long ports) {
    }
}
// END
