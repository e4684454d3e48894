package io.quarry.sample;

import static io.quarry.sql.Sql.and;
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
 * {@link StatementListener}) and the result. Uses the shared {@link Session}, the
 * {@link HostRepository} and the {@link HostService}.
 */
@Component
public class Walkthrough {

    private final Engine engine;
    private final Session session;
    private final HostRepository hosts;
    private final HostService service;
    private final TransactionTemplate transaction;
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private PrintStream out;
    private int step;

    public Walkthrough(Engine engine, Session session, HostRepository hosts, HostService service,
            TransactionTemplate transaction) {
        this.engine = engine;
        this.session = session;
        this.hosts = hosts;
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
            out.println("Done.");
            return 0;
        } finally {
            engine.removeStatementListener(listener);
        }
    }

    private void createTables() {
        step("Create the tables (create_all)", () -> {
            engine.dropAll(Host.class);
            return engine.createAll(Host.class);
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

    private void step(String title, Supplier<Object> action) {
        statements.clear();
        Object result = action.get();
        out.printf("%d. %s%n", ++step, title);
        List<String> ran = List.copyOf(statements);
        for (String sql : ran) {
            out.println("   SQL  " + sql);
        }
        if (result instanceof List<?> list) {
            out.println("   ->   " + list.size() + (list.size() == 1 ? " row" : " rows"));
            list.forEach(row -> out.println("        " + row));
        } else {
            out.println("   ->   " + result);
        }
        out.println();
    }
}
