package io.quarry.readme;

// README: service
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.set;

import io.quarry.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class HostService {
    private final HostRepository hosts;
    private final Session session;                 // always the session of the current transaction

    public HostService(HostRepository hosts, Session session) {
        this.hosts = hosts;
        this.session = session;
    }

    @Transactional
    public Host register(String hostname, String ipAddr) {
        return hosts.save(new Host(hostname, ipAddr));
    }

    @Transactional
    public void changePort(String hostname, int port) {
        Host host = hosts.findByHostname(hostname).orElseThrow();
        host.setPort(port);                        // dirty checking: flushed before commit
    }

    @Transactional
    public int moveAll(int fromPort, int toPort) {
        return session.query(Host.class).filter(col(Host::getPort).eq(fromPort)).update(set(Host::getPort, toPort));
    }
}
// END
