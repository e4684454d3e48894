package io.quarry.readme;

import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;

import io.quarry.mapping.Cascade;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.LoadWith;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The README's relationship samples (the running example Datacenter 1—* Host *—* Tag), run by {@link ReadmeSamplesTest}. */
final class RelationSamples {

    // README: relationship-mapping
    @Entity
    @Table(name = "datacenter")
    static class Datacenter {
        @Id @GeneratedValue Long id;
        String name;
        String region;
        @OneToMany(mappedBy = "datacenter", cascade = {Cascade.SAVE, Cascade.DELETE, Cascade.DELETE_ORPHAN})
        List<Host> hosts = new ArrayList<>();                // loaded on first access, for all datacenters at once
    }

    @Entity
    @Table(name = "dc_host")
    static class Host {
        @Id @GeneratedValue Long id;
        String hostname;
        @ManyToOne Datacenter datacenter;                   // column datacenter_id, loaded with the host
        @ManyToOne(column = "replica_of") Host replicaOf;   // a self-reference
        @ManyToMany Set<Tag> tags = new LinkedHashSet<>();  // join table dc_host_tags (dc_host_id, tag_id)
    }

    @Entity
    @Table(name = "tag")
    static class Tag {
        @Id @GeneratedValue Long id;
        String name;
        @ManyToMany(mappedBy = "tags") List<Host> hosts = new ArrayList<>();
    }
    // END

    // README: relationship-repository
    interface DatacenterRepository extends CrudRepository<Datacenter, Long> {

        @LoadWith({"hosts", "hosts.tags"})                  // loaded with the rows: one statement per relation
        List<Datacenter> findByRegion(String region);
    }
    // END

    // README: relationship-paths
    interface DcHostRepository extends CrudRepository<Host, Long> {

        List<Host> findByDatacenterRegion(String region);   // a LEFT JOIN through the reference

        List<Host> findByTagsNameOrderByDatacenterNameAsc(String tag);  // EXISTS: each host once

        long countByTagsNameIn(Collection<String> tags);    // one statement

        int deleteByDatacenterRegion(String region);        // one DELETE ... WHERE EXISTS, nothing loaded
    }
    // END

    /** What the path sample saw: hosts found, counted and deleted, every statement it ran. */
    record Paths(List<String> inEurope, List<String> web, long tagged, int deleted, List<String> statements) {
    }

    /** Runs the path sample on the data {@link #repository} left, after tagging db-1 "db" and web-2 "web". */
    static Paths paths(Engine engine) {
        try (Session session = engine.openSession()) {
            for (Host host : session.query(Host.class).all()) {
                Tag tag = new Tag();
                tag.name = host.hostname.startsWith("web") ? "web" : "db";
                host.tags.add(tag);
            }
            session.commit();
        }
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
        // README: relationship-paths-use
        DcHostRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(DcHostRepository.class);
        List<Host> inEurope = hosts.findByDatacenterRegion("eu");   // hosts, their datacenters: 2 statements
        List<Host> web = hosts.findByTagsNameOrderByDatacenterNameAsc("web");
        long tagged = hosts.countByTagsNameIn(List.of("web", "db"));
        int deleted = hosts.deleteByDatacenterRegion("us");
        // END
        return new Paths(inEurope.stream().map(h -> h.hostname).toList(), web.stream().map(h -> h.hostname).toList(),
                tagged, deleted, List.copyOf(statements));
    }

    // README: relationship-projections
    interface DatacenterView {
        String getName();
    }

    interface HostView {
        String getHostname();

        String getDatacenterRegion();                        // flattened: datacenter.region

        DatacenterView getDatacenter();                      // nested: null for a host without one
    }

    interface DcViewRepository extends CrudRepository<Host, Long> {

        List<HostView> findByHostnameStartingWithOrderByHostname(String prefix);  // one statement, a LEFT JOIN

        List<Host> findByDatacenter(Datacenter datacenter);  // datacenter_id = ?, no join

        long countByDatacenter(Datacenter datacenter);

        int deleteByDatacenter(Datacenter datacenter);       // one DELETE
    }
    // END

    /** What the projection sample saw: the views described, hosts found, counted and deleted, every statement. */
    record Projected(List<String> views, List<String> inAms, long counted, int deleted, List<String> statements) {
    }

    /** Runs the projection sample after adding ams-1 (eu) with ams-a and ams-b, and ams-spare without a datacenter. */
    static Projected projections(Engine engine) {
        Datacenter ams = new Datacenter();
        try (Session session = engine.openSession()) {
            ams.name = "ams-1";
            ams.region = "eu";
            for (String name : List.of("ams-a", "ams-b")) {
                Host host = new Host();
                host.hostname = name;
                ams.hosts.add(host);
            }
            Host spare = new Host();
            spare.hostname = "ams-spare";
            session.add(ams);
            session.add(spare);
            session.commit();
        }
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
        // README: relationship-projections-use
        DcViewRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(DcViewRepository.class);
        List<HostView> views = hosts.findByHostnameStartingWithOrderByHostname("ams-");  // 1 statement
        String name = views.get(0).getDatacenter().getName();  // "ams-1", built from the same row
        List<Host> inAms = hosts.findByDatacenter(ams);      // the hosts, then their datacenter: 2 statements
        long counted = hosts.countByDatacenter(ams);
        int deleted = hosts.deleteByDatacenter(ams);
        // END
        List<String> described = views.stream().map(view -> view.getHostname() + "@" + (view.getDatacenter() == null
                ? "-" : view.getDatacenter().getName() + "/" + view.getDatacenterRegion())).toList();
        return new Projected(described, inAms.stream().map(h -> h.hostname + "@" + name).toList(), counted, deleted,
                List.copyOf(statements));
    }

    /** What the repository sample saw: datacenters and hosts found, every statement it ran, hosts left. */
    record Found(int datacenters, int hosts, List<String> statements, long hostsLeft) {
    }

    /** Runs the repository sample on the data {@link #queries} left. */
    static Found repository(Engine engine) {
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
        // README: relationship-repository-use
        DatacenterRepository datacenters = RepositoryFactory.of(engine.sessionFactory())
                .create(DatacenterRepository.class);
        List<Datacenter> europe = datacenters.findByRegion("eu");  // datacenters, hosts, tags: 3 statements
        int hosts = europe.stream().mapToInt(datacenter -> datacenter.hosts.size()).sum();  // loaded already
        datacenters.deleteById(europe.get(0).id);           // loads it and deletes its hosts too (cascade DELETE)
        // END
        try (Session session = engine.openSession()) {
            return new Found(europe.size(), hosts, List.copyOf(statements), session.query(Host.class).count());
        }
    }

    /**
     * What the samples saw: the four statements of the first commit and every statement after them,
     * hosts read and tagged, hosts left after the orphan and after the delete.
     */
    record Seen(List<String> commitStatements, List<String> readStatements, int hostsRead, int tagged,
            long hostsAfterOrphan, long hostsAfterDelete) {
    }

    static Seen run(Engine engine) {
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
        List<String> commitStatements;
        List<String> readStatements;
        int hostsRead;
        int tagged = 0;
        // README: relationship-session
        engine.createAll(Host.class);                       // datacenter, dc_host, tag, dc_host_tags, foreign keys
        try (Session session = engine.openSession()) {
            Tag web = new Tag();
            web.name = "web";
            Datacenter fra = new Datacenter();
            fra.name = "fra-1";
            fra.region = "eu";
            for (int i = 0; i < 100; i++) {
                Host host = new Host();
                host.hostname = "web-" + i;
                host.tags.add(web);
                fra.hosts.add(host);                        // host.datacenter is set from the collection at flush
            }
            session.add(fra);                               // saves the hosts and the tag too (cascade SAVE)
            session.commit();                               // 4 batched statements, whatever the number of hosts
        }
        try (Session session = engine.openSession()) {
            List<Host> hosts = session.query(Host.class).with("tags").all();  // hosts, datacenters, tags: 3 statements
            hostsRead = hosts.size();
            for (Host host : hosts) {
                tagged += host.tags.size();                 // loaded already: no statement here
            }
            Datacenter fra = hosts.get(0).datacenter;       // one object, however many hosts point at it
            fra.hosts.remove(0);                            // an orphan: deleted at the next flush
            session.commit();
        }
        // END
        List<String> all = List.copyOf(statements);
        int lastDdl = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("create") || all.get(i).startsWith("alter")) {
                lastDdl = i;
            }
        }
        commitStatements = all.subList(lastDdl + 1, lastDdl + 5);
        readStatements = all.subList(lastDdl + 5, all.size());
        long afterOrphan;
        long afterDelete;
        try (Session session = engine.openSession()) {
            afterOrphan = session.query(Host.class).count();
            // README: relationship-delete
            Datacenter fra = session.query(Datacenter.class).filterBy("name", "fra-1").one();
            session.delete(fra);                            // its hosts and their tag rows go too (cascade DELETE)
            session.commit();
            // END
            afterDelete = session.query(Host.class).count();
        }
        return new Seen(commitStatements, readStatements, hostsRead, tagged, afterOrphan, afterDelete);
    }

    record RegionCount(String region, long hosts) {
    }

    /** What the query samples returned, for the test to check. */
    record Queried(List<String> inEurope, List<String> withWebHosts, List<RegionCount> perRegion, int joined) {
    }

    static Queried queries(Engine engine) {
        engine.createAll(Host.class);
        try (Session session = engine.openSession()) {
            for (String[] row : new String[][] {{"fra-1", "eu", "web-1"}, {"fra-2", "eu", "db-1"}, {"iad-1", "us", "web-2"}}) {
                Datacenter datacenter = new Datacenter();
                datacenter.name = row[0];
                datacenter.region = row[1];
                Host host = new Host();
                host.hostname = row[2];
                datacenter.hosts.add(host);
                session.add(datacenter);
            }
            session.commit();
        }
        try (Session session = engine.openSession()) {
        // README: relationship-queries
        List<Host> inEurope = session.query(Host.class)
                .filter(col("datacenter.region").eq("eu"))              // a LEFT JOIN through the reference
                .orderBy(asc(col("datacenter.name")), asc(col("hostname")))
                .all();
        List<Datacenter> withWebHosts = session.query(Datacenter.class)
                .filter(any("hosts", col("hostname").startsWith("web-1")))  // EXISTS: each datacenter once
                .all();
        List<RegionCount> perRegion = session.select(Host.class, col("datacenter.region"), count())
                .groupBy(col("datacenter.region"))
                .into(RegionCount.class);                                // hosts per region
        List<Host> joined = session.query(Host.class).withJoined("datacenter").all();  // one statement
        // END
            return new Queried(inEurope.stream().map(h -> h.hostname).toList(),
                    withWebHosts.stream().map(d -> d.name).toList(), perRegion, joined.size());
        }
    }

    private RelationSamples() {
    }
}
