package io.quarry.sample;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.set;

import io.quarry.session.Session;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the repository does not cover, written with the injected {@link Session} (always the
 * session of the current transaction): group-by counts, bulk updates, read-modify-write.
 */
@Service
public class HostService {

    private final Session session;

    public HostService(Session session) {
        this.session = session;
    }

    /** Adds hosts; they are inserted in one batch when the transaction commits. */
    @Transactional
    public List<Host> addAll(List<Host> hosts) {
        session.addAll(hosts);
        session.flush();
        return hosts;
    }

    /** Hosts per group, by group name. */
    @Transactional(readOnly = true)
    public List<GroupCount> countByGroup() {
        return session.select(Host::getGroup, count())
                .groupBy(Host::getGroup)
                .orderBy(asc(Host::getGroup))
                .into(GroupCount.class);
    }

    /** Moves every host of {@code group} to {@code port} in one UPDATE; returns how many moved. */
    @Transactional
    public int movePort(String group, int port) {
        return session.query(Host.class)
                .filter(col(Host::getGroup).eq(group))
                .update(set(Host::getPort, port));
    }

    /** Changes one host's port by changing the object: the session writes only that column. */
    @Transactional
    public Host changePort(long id, int port) {
        Host host = get(id);
        host.setPort(port);
        return host;
    }

    /** Replaces a host's editable fields. */
    @Transactional
    public Host update(long id, HostForm form) {
        Host host = get(id);
        host.setHostname(form.hostname());
        host.setIpAddr(form.ipAddr());
        host.setPort(form.port() == null ? 22 : form.port());
        host.setGroup(form.group());
        return host;
    }

    /** The host with {@code id}, or {@link HostNotFoundException}. */
    @Transactional(readOnly = true)
    public Host get(long id) {
        Host host = session.get(Host.class, id);
        if (host == null) {
            throw new HostNotFoundException(id);
        }
        return host;
    }
}
