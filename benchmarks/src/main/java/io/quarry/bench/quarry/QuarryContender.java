package io.quarry.bench.quarry;

import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;

import io.quarry.bench.support.Checksum;
import io.quarry.bench.support.Contenders;
import io.quarry.bench.support.Fixture;
import io.quarry.bench.support.HostNic;
import io.quarry.bench.support.HostRow;
import io.quarry.bench.support.HostSeed;
import io.quarry.bench.support.RackCount;
import io.quarry.bench.support.Reads;
import io.quarry.bench.support.StreamProbe;
import io.quarry.bench.support.Writes;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.session.SessionOptions;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Quarry through its Session API, as its Javadoc recommends: one-statement work in auto-commit
 * sessions (reads also read-only: no snapshots), work of several statements in a default
 * (transactional, autoflush) session, streams through a read-only query in a read-only session.
 * The join, which Quarry cannot express without relationships yet, is hand-written SQL mapped into
 * the projection record by {@code sqlQuery}. The engine is built once per trial on the shared pool.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class QuarryContender implements Reads<QuarryHost>, Writes<QuarryHost> {

    private static final String NICS = "select h.id, h.hostname, h.ip_addr, n.name, n.mac_address, n.speed_mbps "
            + "from host h join nic n on n.host_id = h.id where h.datacenter = :datacenter ";
    private static final String NICS_IN_RACK = NICS + "and h.rack = :rack and n.name = :nic order by h.id";
    private static final String NICS_IN_DATACENTER = NICS + "and n.name = :nic order by h.id";

    private SessionFactory transactions;
    private SessionFactory statements;
    private SessionFactory readStatements;
    private SessionFactory streams;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Builds the engine on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        Engine engine = Engine.create(fixture.pool());
        engine.model(QuarryHost.class);
        engine.model(QuarryStreamHost.class);
        transactions = engine.sessionFactory();
        statements = transactions.withOptions(SessionOptions.DEFAULTS.withAutoCommit(true));
        readStatements = transactions.withOptions(SessionOptions.DEFAULTS.withAutoCommit(true).withReadOnly(true));
        streams = transactions.withOptions(SessionOptions.DEFAULTS.withReadOnly(true));
    }

    // ---- reads

    @Override
    public QuarryHost findById(long id) {
        try (Session session = readStatements.openSession()) {
            return session.get(QuarryHost.class, id);
        }
    }

    @Override
    public List<QuarryHost> findByRack(String datacenter, String rack) {
        try (Session session = readStatements.openSession()) {
            return session.query(QuarryHost.class)
                    .filter(col(QuarryHost::getDatacenter).eq(datacenter), col(QuarryHost::getRack).eq(rack))
                    .orderBy(asc(QuarryHost::getId))
                    .all();
        }
    }

    @Override
    public List<QuarryHost> findByDatacenter(String datacenter) {
        try (Session session = readStatements.openSession()) {
            return session.query(QuarryHost.class)
                    .filter(col(QuarryHost::getDatacenter).eq(datacenter))
                    .orderBy(asc(QuarryHost::getId))
                    .all();
        }
    }

    @Override
    public List<HostNic> primaryNicsInRack(String datacenter, String rack) {
        try (Session session = readStatements.openSession()) {
            return session.sqlQuery(NICS_IN_RACK, HostNic.class,
                    Map.of("datacenter", datacenter, "rack", rack, "nic", HostSeed.nicName(0)));
        }
    }

    @Override
    public List<HostNic> primaryNicsInDatacenter(String datacenter) {
        try (Session session = readStatements.openSession()) {
            return session.sqlQuery(NICS_IN_DATACENTER, HostNic.class,
                    Map.of("datacenter", datacenter, "nic", HostSeed.nicName(0)));
        }
    }

    @Override
    public long countActive(String datacenter) {
        try (Session session = readStatements.openSession()) {
            return session.query(QuarryHost.class)
                    .filter(col(QuarryHost::getDatacenter).eq(datacenter), col(QuarryHost::isActive).eq(true))
                    .count();
        }
    }

    @Override
    public List<RackCount> countByRack(String datacenter) {
        try (Session session = readStatements.openSession()) {
            return session.select(QuarryHost::getRack, count())
                    .filter(col(QuarryHost::getDatacenter).eq(datacenter))
                    .groupBy(QuarryHost::getRack)
                    .orderBy(asc(QuarryHost::getRack))
                    .into(RackCount.class);
        }
    }

    @Override
    public long streamAll(StreamProbe probe) {
        try (Session session = streams.openSession();
             Stream<QuarryStreamHost> hosts = session.query(QuarryStreamHost.class).readOnly().stream()) {
            long sum = 0;
            long rows = 0;
            for (Iterator<QuarryStreamHost> it = hosts.iterator(); it.hasNext(); ) {
                QuarryStreamHost host = it.next();
                sum = Checksum.add(sum, host.getId(), host.getPort(), host.getHostname(), host.getDescription());
                probe.row(++rows);
            }
            return sum;
        }
    }

    // ---- writes

    @Override
    public List<QuarryHost> insert(int first, int count) {
        List<QuarryHost> hosts = new ArrayList<>(count);
        for (int n = first; n < first + count; n++) {
            QuarryHost host = new QuarryHost();
            host.seed(n);
            hosts.add(host);
        }
        try (Session session = transactions.openSession()) {
            session.addAll(hosts);
            session.commit();
        }
        return hosts;
    }

    @Override
    public QuarryHost readModifyWrite(long id) {
        try (Session session = transactions.openSession()) {
            QuarryHost host = session.get(QuarryHost.class, id);
            host.setPort(host.getPort() + 1);
            session.commit();
            return host;
        }
    }

    @Override
    public int bulkUpdate(String datacenter) {
        try (Session session = statements.openSession()) {
            return session.query(QuarryHost.class)
                    .filter(col(QuarryHost::getDatacenter).eq(datacenter))
                    // the type witness is needed: with an int getter, set(property, value) matches as well
                    .update(Sql.set(col(QuarryHost::getCpuCores), col(QuarryHost::getCpuCores).plus(1)));
        }
    }

    @Override
    public HostRow row(QuarryHost host) {
        return host == null ? null : host.row();
    }
}
