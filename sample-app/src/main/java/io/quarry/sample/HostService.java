package io.quarry.sample;

import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.desc;
import static io.quarry.sql.Sql.set;

import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.Sort;
import io.quarry.session.PageResult;
import io.quarry.session.Session;
import io.quarry.sql.Order;
import io.quarry.sql.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the repository does not cover, written with the injected {@link Session} (always the
 * session of the current transaction; outside one, each read runs in a short session of its own):
 * group-by counts, bulk updates, read-modify-write, filters through relations.
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

    /** Hosts per region of their datacenter, by region; hosts in no datacenter are not counted. */
    public List<RegionCount> countByRegion() {
        return session.select(Host.class, col("datacenter.region"), count())
                .filter(col("datacenter.region").isNotNull())
                .groupBy(col("datacenter.region"))
                .orderBy(asc(col("datacenter.region")))
                .into(RegionCount.class);
    }

    /**
     * One page of the hosts that match every filter given (null: any), with their datacenter and tags.
     * The region is a path through the datacenter reference (a LEFT JOIN); the tag a condition on the
     * collection (EXISTS: a host with two matching tags comes back once). Outside a transaction this
     * runs in one short read session: the rows, their datacenters and their tags are one statement
     * each (and a count when the page is full), all loaded before the session closes.
     */
    public Page<HostView> search(HostFilter filter, Pageable pageable) {
        List<Predicate> conditions = new ArrayList<>();
        if (filter.region() != null) {
            conditions.add(col("datacenter.region").eq(filter.region()));
        }
        if (filter.tag() != null) {
            conditions.add(any("tags", col("name").eq(filter.tag())));
        }
        if (filter.group() != null) {
            conditions.add(col(Host::getGroup).eq(filter.group()));
        }
        conditions.add(col(Host::getPort).between(filter.portFrom(), filter.portTo()));
        List<Order> orders = new ArrayList<>();
        for (Sort.Order order : pageable.getSort()) {      // checked against the model when the query is built
            orders.add(order.isAscending() ? asc(order.getProperty()) : desc(order.getProperty()));
        }
        orders.add(asc(Host::getId));
        PageResult<Host> found = session.query(Host.class)
                .filter(conditions.toArray(Predicate[]::new))
                .orderBy(orders.toArray(Order[]::new))
                .with("tags")
                .page(pageable.getPageNumber(), pageable.getPageSize());
        return Page.of(found.content().stream().map(HostView::of).toList(), pageable, found.totalElements());
    }

    /** Moves the host {@code hostname} to the datacenter named {@code datacenter}: one UPDATE of its datacenter_id. */
    @Transactional
    public Host move(String hostname, String datacenter) {
        Host host = session.query(Host.class).filterBy("hostname", hostname).one();
        host.setDatacenter(session.query(Datacenter.class).filterBy("name", datacenter).one());
        return host;
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
    public HostView update(long id, HostForm form) {
        Host host = get(id);
        host.setHostname(form.hostname());
        host.setIpAddr(form.ipAddr());
        host.setPort(form.port() == null ? 22 : form.port());
        host.setGroup(form.group());
        return HostView.of(host);
    }

    /** The host with {@code id} as the API shows it (its tags load on access, in the transaction). */
    @Transactional(readOnly = true)
    public HostView view(long id) {
        return HostView.of(get(id));
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
