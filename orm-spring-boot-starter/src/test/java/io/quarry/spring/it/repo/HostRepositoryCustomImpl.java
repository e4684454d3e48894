package io.quarry.spring.it.repo;

import io.quarry.session.Session;
import io.quarry.spring.it.Host;

/** Found by name next to its interface and made a bean; gets the shared session injected. */
public class HostRepositoryCustomImpl implements HostRepositoryCustom {

    private final Session session;

    public HostRepositoryCustomImpl(Session session) {
        this.session = session;
    }

    @Override
    public String describe(String hostname) {
        Host host = session.query(Host.class).filterBy("hostname", hostname).one();
        return host.getHostname() + ":" + host.getPort();
    }
}
