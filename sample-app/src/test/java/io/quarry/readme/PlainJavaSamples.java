package io.quarry.readme;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.and;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.desc;
import static io.quarry.sql.Sql.not;
import static io.quarry.sql.Sql.or;
import static io.quarry.sql.Sql.set;

import io.quarry.LockFailureException;
import io.quarry.NPlusOneException;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.NPlusOneDetection;
import io.quarry.session.Row;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The README's plain-Java samples, each run by {@link ReadmeSamplesTest}. */
final class PlainJavaSamples {

    record PortCount(int port, long hosts) {
    }

    static List<String> engineAndSession(DataSource dataSource) {
        // README: engine
        Engine engine = Engine.create(dataSource);           // the dialect comes from the connection
        engine.createAll(Host.class);                        // creates missing tables, indexes, sequences
        List<String> ddl = engine.ddl(Host.class);           // the same DDL, without running it

        try (Session session = engine.openSession()) {
            session.addAll(new Host("web-1", "10.0.0.1"), new Host("db-1", "10.0.1.1"));
            session.commit();                                // one batched INSERT; ids are set

            Host web = session.query(Host.class).filterBy("hostname", "web-1").one();
            web.setPort(2222);                               // only port (and version) are written
            session.commit();

            session.add(new Host("tmp-1", "10.9.9.9"));
            session.rollback();                              // the pending host is gone
        }
        // END
        return ddl;
    }

    /** Runs the README's queries and returns what each one gave, in order, for the test to check. */
    static List<Object> queries(Session session) {
        List<Object> results = new java.util.ArrayList<>();
        // README: queries
        List<Host> hosts = session.query(Host.class).filter(col(Host::getPort).eq(22)).all();          // ==
        hosts = session.query(Host.class).filter(col("port").ne(22)).all();                           // !=
        hosts = session.query(Host.class).filter(col("hostname").in("web-1", "db-1")).all();          // in
        hosts = session.query(Host.class).filter(col("ipAddr").like("10.0.%")).all();                 // like
        hosts = session.query(Host.class).filter(col("hostname").contains("50%_off")).all();          // literal text
        hosts = session.query(Host.class)
                .filter(and(col("port").gt(1000), col("hostname").startsWith("db"))).all();          // and
        hosts = session.query(Host.class)
                .filter(or(col("port").eq(22), not(col("hostname").endsWith("-2")))).all();           // or, not
        hosts = session.query(Host.class).orderBy(desc(Host::getHostname)).limit(10).offset(0).all(); // order by
        long webHosts = session.query(Host.class).filter(col("hostname").startsWith("web")).count(); // count
        List<Row> crowded = session.select(Host::getPort, count())                                    // group by
                .groupBy(Host::getPort).having(count().gt(1L)).all();
        List<PortCount> byPort = session.select(Host::getPort, count()).groupBy(Host::getPort)
                .into(PortCount.class);                                                               // into records
        int moved = session.query(Host.class).filter(col("port").eq(2222))
                .update(set(Host::getPort, 22));                                                      // one UPDATE
        int removed = session.query(Host.class).filter(col("hostname").startsWith("tmp-")).delete(); // one DELETE
        String sql = session.query(Host.class).filter(col("port").gt(1000)).toSql().toString();
        // select id, hostname, ip_addr, port, version from host where port > ? [1000]
        List<Host> raw = session.sqlQuery("select * from host where ip_addr = :ip", Host.class,
                Map.of("ip", "10.0.0.1"));
        // END
        results.addAll(List.of(hosts, webHosts, crowded, byPort, moved, removed, sql, raw));
        return results;
    }

    /** The README's session options sample: whether a second read of web-1 built a new object. */
    static boolean sessionOptions(Engine engine) {
        // README: session-options
        SessionFactory reports = engine.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false));
        try (Session session = reports.openSession()) {
            Host first = session.query(Host.class).filterBy("hostname", "web-1").one();
            Host again = session.get(Host.class, first.getId());
            return again != first;                                  // true: a new object, nothing is held
        }
        // END
    }

    /** The README's timeouts sample: the hosts read with the query's own time limit. */
    static List<Host> timeouts(DataSource dataSource) {
        // README: timeouts
        Engine engine = Engine.builder(dataSource).queryTimeout(Duration.ofSeconds(30)).build();
        SessionFactory reports = engine.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withQueryTimeout(Duration.ofMinutes(5)));
        try (Session session = reports.openSession()) {
            return session.query(Host.class).timeout(Duration.ofSeconds(2)).all();
        }
        // END
    }

    /** The README's lock-timeout sample: a host changed under a row lock, unless another transaction holds it too long. */
    static Host lockTimeout(DataSource dataSource) {
        // README: lock-timeout
        Engine engine = Engine.builder(dataSource).lockTimeout(Duration.ofSeconds(3)).build();
        SessionFactory impatient = engine.sessionFactory()
                .withOptions(SessionOptions.DEFAULTS.withLockTimeout(Duration.ofMillis(500)));
        try (Session session = impatient.openSession()) {
            Host host = session.query(Host.class).filterBy("hostname", "db-1").forUpdate().one();
            host.setPort(2222);
            session.commit();
            return host;
        } catch (LockFailureException busy) {    // another transaction held the row for more than 500 ms
            return null;                         // closing the session rolled back; try again later
        }
        // END
    }

    /** The README's row-lock sample: a worker takes up to ten hosts no other transaction holds. */
    static List<Host> rowLocks(Engine engine) {
        // README: row-locks
        try (Session session = engine.openSession()) {
            List<Host> batch = session.query(Host.class)
                    .orderBy(asc(Host::getId))
                    .limit(10)
                    .forUpdateSkipLocked()        // rows other workers hold are passed over
                    .all();
            batch.forEach(host -> host.setPort(2200));
            session.commit();                     // the locks end with the transaction
            return batch;
        }
        // END
    }

    /** The README's N+1 sample: the message of the detector in strict mode. */
    static String nPlusOne(DataSource dataSource) {
        // README: n-plus-one
        Engine engine = Engine.builder(dataSource)
                .nPlusOne(NPlusOneDetection.strict(20))   // in tests; the default warns above 20
                .build();
        try (Session session = engine.openSession()) {
            for (long id = 1; id <= 25; id++) {
                session.get(Host.class, id);              // one query per host: the 21st throws
            }
            return "no N+1 found";
        } catch (NPlusOneException e) {
            return e.getMessage();
        }
        // END
    }

    static HostRepository plainJavaRepository(Engine engine) {
        // README: plain-repository
        HostRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        // END
        return hosts;
    }
}
