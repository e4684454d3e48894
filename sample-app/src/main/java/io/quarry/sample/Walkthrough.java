package io.quarry.sample;

import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.desc;
import static io.quarry.sql.Sql.or;

import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.StatementListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The guide, step by step: each step runs, then prints the SQL Quarry sent (captured with a
 * {@link StatementListener}), how many statements that was, and the result. Uses the shared
 * {@link Session}, the {@link HostRepository}, the {@link DatacenterRepository} and the
 * {@link HostService}. The last steps are about relations: datacenters with hosts and tags saved in
 * one call, read with their relations, hosts filtered and counted through them, a host moved, an
 * orphan deleted.
 */
@Component
public class Walkthrough {

    private final Engine engine;
    private final Session session;
    private final HostRepository hosts;
    private final DatacenterRepository datacenters;
    private final HostService service;
    private final TransactionTemplate transaction;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private PrintStream out;
    private int step;

    public Walkthrough(Engine engine, Session session, HostRepository hosts, DatacenterRepository datacenters,
            HostService service, TransactionTemplate transaction) {
        this.engine = engine;
        this.session = session;
        this.hosts = hosts;
        this.datacenters = datacenters;
        this.service = service;
        this.transaction = transaction;
    }

    /** Runs every step, printing to {@code printer}; returns 0. */
    public int run(PrintStream printer) {
        this.out = printer;
        StatementListener listener = (sql, rows, nanos) -> statements.add(rows > 1 ? sql + "   -- batch of " + rows : sql);
        engine.addStatementListener(listener);
        try {
            out.println("Quarry walkthrough on " + engine.dialect().name());
            out.println();
            createTables();
            insertAndCommit();
            rollBack();
            queryAll();
            filter();
            countAndGroup();
            orderBy();
            update();
            delete();
            saveWithRelations();
            loadWithRelations();
            filterThroughRelations();
            moveAndOrphan();
            out.println("Done.");
            return 0;
        } finally {
            engine.removeStatementListener(listener);
        }
    }

    private void createTables() {
        step("Create the tables (create_all)", () -> {
            engine.dropAll(Host.class, Datacenter.class, Tag.class);
            return engine.createAll(Host.class, Datacenter.class, Tag.class);
        });
    }

    private void insertAndCommit() {
        step("Insert hosts and commit", () -> transaction.execute(status -> {
            session.addAll(new Host("web-1", "10.0.0.1", "web"), new Host("web-2", "10.0.0.2", "web", 2222),
                    new Host("db-1", "10.0.1.1", "db", 5432), new Host("db-2", "10.0.1.2", "db", 5432),
                    new Host("cache-1", "10.0.2.1", "cache", 6379));
            return "5 hosts added";
        }));
    }

    private void rollBack() {
        step("Add a host, then roll back", () -> {
            transaction.execute(status -> {
                session.add(new Host("temp-1", "10.9.9.9", "temp"));
                session.flush();
                status.setRollbackOnly();
                return null;
            });
            return "temp-1 after the rollback: " + hosts.findByHostname("temp-1").map(Host::toString).orElse("gone");
        });
    }

    private void queryAll() {
        step("Query all hosts", () -> hosts.findAll());
    }

    private void filter() {
        step("Filter: hostname == 'web-1'", () -> session.query(Host.class).filter(col(Host::getHostname).eq("web-1")).all());
        step("Filter: port != 22", () -> session.query(Host.class).filter(col(Host::getPort).ne(22)).all());
        step("Filter: group in ('db', 'cache')", () -> session.query(Host.class).filter(col(Host::getGroup).in("db", "cache")).all());
        step("Filter: ip_addr like '10.0.1.%'", () -> session.query(Host.class).filter(col(Host::getIpAddr).like("10.0.1.%")).all());
        step("Filter: group == 'db' and port == 5432", () -> session.query(Host.class)
                .filter(and(col(Host::getGroup).eq("db"), col(Host::getPort).eq(5432))).all());
        step("Filter: port == 22 or group == 'cache'", () -> session.query(Host.class)
                .filter(or(col(Host::getPort).eq(22), col(Host::getGroup).eq("cache"))).all());
        step("Repository: findByPortBetween(1000, 6000)", () -> hosts.findByPortBetween(1000, 6000));
    }

    private void countAndGroup() {
        step("Count hosts in group 'web'", () -> hosts.countByGroup("web"));
        step("Group by group, with counts", () -> service.countByGroup());
    }

    private void orderBy() {
        step("Order by hostname descending", () -> session.query(Host.class).orderBy(desc(Host::getHostname)).all());
        step("Order by port, then hostname; first 3", () -> session.query(Host.class)
                .orderBy(asc(Host::getPort), asc(Host::getHostname)).limit(3).all());
    }

    private void update() {
        step("Update one host by changing the object", () -> {
            long id = hosts.findByHostname("web-1").orElseThrow().getId();
            return service.changePort(id, 8022);
        });
        step("Bulk update: every 'db' host to port 6432", () -> service.movePort("db", 6432) + " hosts moved");
    }

    private void delete() {
        step("Delete one host", () -> {
            hosts.delete(hosts.findByHostname("cache-1").orElseThrow());
            return hosts.count() + " hosts left";
        });
        step("Bulk delete: group 'db'", () -> hosts.deleteByGroup("db") + " hosts deleted; left: " + hosts.findAll());
    }

    private void saveWithRelations() {
        step("Save two datacenters with their hosts and tags in one call (cascade)", () -> {
            Tag web = new Tag("web");
            Tag db = new Tag("db");
            Datacenter fra = new Datacenter("fra-1", "eu")
                    .addHost(new Host("web-3", "10.1.0.3", "web").tag(web))
                    .addHost(new Host("web-4", "10.1.0.4", "web").tag(web))
                    .addHost(new Host("db-3", "10.1.1.3", "db", 5432).tag(db, web));
            Datacenter iad = new Datacenter("iad-1", "us").addHost(new Host("web-5", "10.2.0.5", "web").tag(web));
            datacenters.saveAll(List.of(fra, iad));
            return "fra-1 and iad-1 saved with 4 hosts and 2 tags";
        });
    }

    private void loadWithRelations() {
        step("Load the datacenters of region 'eu' with their hosts and tags (@LoadWith)", () ->
                datacenters.findByRegionOrderByName("eu").stream().map(Walkthrough::describe).toList());
    }

    private void filterThroughRelations() {
        step("Hosts whose datacenter is in region 'eu' (a path through the reference)", () -> session.query(Host.class)
                .filter(col("datacenter.region").eq("eu"))
                .orderBy(asc(Host::getHostname))
                .all().stream().map(host -> host.getHostname() + " in " + host.getDatacenter()).toList());
        step("Hosts tagged 'db' (EXISTS through the join table)", () -> session.query(Host.class)
                .filter(any("tags", col("name").eq("db")))
                .all().stream().map(host -> host.getHostname() + " in " + host.getDatacenter()).toList());
        step("Count hosts per region", () -> service.countByRegion());
    }

    private void moveAndOrphan() {
        step("Move web-4 to iad-1", () -> {
            Host moved = service.move("web-4", "iad-1");
            return moved.getHostname() + " is in " + moved.getDatacenter();
        });
        step("Remove db-3 from fra-1's hosts and save fra-1: the orphan is deleted", () -> transaction.execute(status -> {
            Datacenter fra = datacenters.findByName("fra-1").orElseThrow();
            fra.getHosts().removeIf(host -> host.getHostname().equals("db-3"));
            datacenters.save(fra);
            return describe(fra);
        }));
        step("Load every datacenter with its hosts and their tags again", () -> session.query(Datacenter.class)
                .with("hosts.tags")
                .orderBy(asc(Datacenter::getName))
                .all().stream().map(Walkthrough::describe).toList());
    }

    /** "fra-1 (eu): web-3 [web], db-3 [db, web]": reads the hosts and tags, which must be loaded. */
    private static String describe(Datacenter datacenter) {
        return datacenter + ": " + String.join(", ", datacenter.getHosts().stream()
                .map(host -> host.getHostname() + " " + host.getTags()).toList());
    }

    private void step(String title, Supplier<Object> action) {
        statements.clear();
        Object result = action.get();
        out.printf("%d. %s%n", ++step, title);
        List<String> ran = List.copyOf(statements);
        for (String sql : ran) {
            out.println("   SQL  " + sql);
        }
        out.println("   " + ran.size() + (ran.size() == 1 ? " statement" : " statements"));
        if (result instanceof List<?> list) {
            out.println("   ->   " + list.size() + (list.size() == 1 ? " row" : " rows"));
            list.forEach(row -> out.println("        " + row));
        } else {
            out.println("   ->   " + result);
        }
        out.println();
    }
}
