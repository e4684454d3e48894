package io.quarry.bench.jooq;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import io.quarry.bench.support.BenchDatabase;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep11;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Record12;
import org.jooq.Records;
import org.jooq.Result;
import org.jooq.SelectSelectStep;
import org.jooq.Table;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * jOOQ's DSL without code generation: tables and typed fields declared by name, results mapped into
 * POJOs and records with {@code Records.mapping} (type-safe, no reflection), single statements on
 * the pool in auto-commit, multi-row inserts of {@value #CHUNK} rows inside a transaction for the
 * inserts, {@code transactionResult} where a unit of work spans several statements. Names render
 * unquoted (the tables were created unquoted) and execute logging is off.
 *
 * <p>Generated ids come back through {@code RETURNING} on H2 and PostgreSQL. On MySQL/MariaDB jOOQ
 * without generated code does not know the identity column, so it cannot read the driver's
 * generated keys, and MariaDB's own {@code RETURNING} is refused by mysql-connector-j; there the ids
 * are {@code LAST_INSERT_ID()} ({@link DSLContext#lastID()}) counted up, which MySQL documents for
 * multi-row inserts (consecutive values in the default auto-increment lock modes): one round trip
 * more per chunk.
 *
 * <p>A JMH state: one per fork, set up once per trial; after setup only read, so the
 * concurrent runs ({@code io.quarry.bench.concurrent}) share it between threads: what it holds (pool,
 * engine, repositories, Spring beans) is thread-safe, and every call works on objects of its own.
 */
@State(Scope.Benchmark)
public class JooqContender implements Reads<JooqHost>, Writes<JooqHost> {

    static final int CHUNK = 1000;

    private static final Table<Record> HOST = table(name("host"));
    private static final Table<Record> HOST_STREAM = table(name("host_stream"));
    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> HOSTNAME = field(name("hostname"), SQLDataType.VARCHAR(64));
    private static final Field<String> IP_ADDR = field(name("ip_addr"), SQLDataType.VARCHAR(64));
    private static final Field<Integer> PORT = field(name("port"), SQLDataType.INTEGER);
    private static final Field<String> DATACENTER = field(name("datacenter"), SQLDataType.VARCHAR(32));
    private static final Field<String> RACK = field(name("rack"), SQLDataType.VARCHAR(32));
    private static final Field<String> OS_NAME = field(name("os_name"), SQLDataType.VARCHAR(32));
    private static final Field<Integer> CPU_CORES = field(name("cpu_cores"), SQLDataType.INTEGER);
    private static final Field<Integer> MEMORY_MB = field(name("memory_mb"), SQLDataType.INTEGER);
    private static final Field<Boolean> ACTIVE = field(name("active"), SQLDataType.BOOLEAN);
    private static final Field<LocalDateTime> CREATED_AT = field(name("created_at"), SQLDataType.LOCALDATETIME(6));
    private static final Field<String> DESCRIPTION = field(name("description"), SQLDataType.VARCHAR(255));

    private static final Table<Record> H = table(name("host")).as("h");
    private static final Table<Record> N = table(name("nic")).as("n");
    private static final Field<Long> H_ID = field(name("h", "id"), SQLDataType.BIGINT);
    private static final Field<String> H_HOSTNAME = field(name("h", "hostname"), SQLDataType.VARCHAR(64));
    private static final Field<String> H_IP_ADDR = field(name("h", "ip_addr"), SQLDataType.VARCHAR(64));
    private static final Field<String> H_DATACENTER = field(name("h", "datacenter"), SQLDataType.VARCHAR(32));
    private static final Field<String> H_RACK = field(name("h", "rack"), SQLDataType.VARCHAR(32));
    private static final Field<Long> N_HOST_ID = field(name("n", "host_id"), SQLDataType.BIGINT);
    private static final Field<String> N_NAME = field(name("n", "name"), SQLDataType.VARCHAR(16));
    private static final Field<String> N_MAC_ADDRESS = field(name("n", "mac_address"), SQLDataType.VARCHAR(17));
    private static final Field<Integer> N_SPEED_MBPS = field(name("n", "speed_mbps"), SQLDataType.INTEGER);

    private DSLContext dsl;
    private int streamingFetchSize;
    private boolean lastIdAfterInsert;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        start(Contenders.start(params));
        Contenders.verify(params, this);
    }

    /** Builds the DSL context on the fixture's pool (also for checks outside JMH). */
    public void start(Fixture fixture) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false);
        dsl = DSL.using(fixture.pool(), fixture.db().jooqDialect(), settings);
        streamingFetchSize = fixture.db().streamingFetchSize();
        lastIdAfterInsert = fixture.db() == BenchDatabase.MYSQL;
    }

    private static SelectSelectStep<Record12<Long, String, String, Integer, String, String, String, Integer, Integer,
            Boolean, LocalDateTime, String>> selectHost(DSLContext context) {
        return context.select(ID, HOSTNAME, IP_ADDR, PORT, DATACENTER, RACK, OS_NAME, CPU_CORES, MEMORY_MB, ACTIVE,
                CREATED_AT, DESCRIPTION);
    }

    // ---- reads

    @Override
    public JooqHost findById(long id) {
        return selectHost(dsl).from(HOST).where(ID.eq(id)).fetchOne(Records.mapping(JooqHost::new));
    }

    @Override
    public List<JooqHost> findByRack(String datacenter, String rack) {
        return selectHost(dsl).from(HOST).where(DATACENTER.eq(datacenter), RACK.eq(rack)).orderBy(ID)
                .fetch(Records.mapping(JooqHost::new));
    }

    @Override
    public List<JooqHost> findByDatacenter(String datacenter) {
        return selectHost(dsl).from(HOST).where(DATACENTER.eq(datacenter)).orderBy(ID)
                .fetch(Records.mapping(JooqHost::new));
    }

    @Override
    public List<HostNic> primaryNicsInRack(String datacenter, String rack) {
        return dsl.select(H_ID, H_HOSTNAME, H_IP_ADDR, N_NAME, N_MAC_ADDRESS, N_SPEED_MBPS)
                .from(H).join(N).on(N_HOST_ID.eq(H_ID))
                .where(H_DATACENTER.eq(datacenter), H_RACK.eq(rack), N_NAME.eq(HostSeed.nicName(0)))
                .orderBy(H_ID)
                .fetch(Records.mapping(HostNic::new));
    }

    @Override
    public List<HostNic> primaryNicsInDatacenter(String datacenter) {
        return dsl.select(H_ID, H_HOSTNAME, H_IP_ADDR, N_NAME, N_MAC_ADDRESS, N_SPEED_MBPS)
                .from(H).join(N).on(N_HOST_ID.eq(H_ID))
                .where(H_DATACENTER.eq(datacenter), N_NAME.eq(HostSeed.nicName(0)))
                .orderBy(H_ID)
                .fetch(Records.mapping(HostNic::new));
    }

    @Override
    public long countActive(String datacenter) {
        return dsl.fetchCount(HOST, DATACENTER.eq(datacenter), ACTIVE.eq(true));
    }

    @Override
    public List<RackCount> countByRack(String datacenter) {
        return dsl.select(RACK, count()).from(HOST).where(DATACENTER.eq(datacenter)).groupBy(RACK).orderBy(RACK)
                .fetch(Records.mapping((rack, hosts) -> new RackCount(rack, hosts)));
    }

    /** A transaction (PostgreSQL streams only inside one) around a lazily fetched stream with the streaming fetch size. */
    @Override
    public long streamAll(StreamProbe probe) {
        return dsl.transactionResult(configuration -> {
            try (Stream<JooqHost> hosts = selectHost(configuration.dsl()).from(HOST_STREAM)
                    .fetchSize(streamingFetchSize).fetchStream().map(Records.mapping(JooqHost::new))) {
                long sum = 0;
                long rows = 0;
                for (Iterator<JooqHost> it = hosts.iterator(); it.hasNext(); ) {
                    JooqHost host = it.next();
                    sum = Checksum.add(sum, host.id, host.port, host.hostname, host.description);
                    probe.row(++rows);
                }
                return sum;
            }
        });
    }

    // ---- writes

    @Override
    public List<JooqHost> insert(int first, int count) {
        List<JooqHost> hosts = new ArrayList<>(count);
        for (long n = first; n < first + count; n++) {
            hosts.add(new JooqHost(null, HostSeed.hostname(n), HostSeed.ipAddr(n), HostSeed.port(n),
                    HostSeed.datacenter(n), HostSeed.rack(n), HostSeed.osName(n), HostSeed.cpuCores(n),
                    HostSeed.memoryMb(n), HostSeed.active(n), HostSeed.createdAt(n), HostSeed.description(n)));
        }
        dsl.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            for (int from = 0; from < count; from += CHUNK) {
                int to = Math.min(count, from + CHUNK);
                InsertValuesStep11<Record, String, String, Integer, String, String, String, Integer, Integer, Boolean,
                        LocalDateTime, String> insert = transaction.insertInto(HOST, HOSTNAME, IP_ADDR, PORT, DATACENTER,
                        RACK, OS_NAME, CPU_CORES, MEMORY_MB, ACTIVE, CREATED_AT, DESCRIPTION);
                for (int i = from; i < to; i++) {
                    JooqHost host = hosts.get(i);
                    insert = insert.values(host.hostname, host.ipAddr, host.port, host.datacenter, host.rack, host.osName,
                            host.cpuCores, host.memoryMb, host.active, host.createdAt, host.description);
                }
                if (lastIdAfterInsert) {
                    insert.execute();
                    long firstId = transaction.lastID().longValue();
                    for (int i = from; i < to; i++) {
                        hosts.get(i).id = firstId + i - from;
                    }
                } else {
                    Result<Record1<Long>> ids = insert.returningResult(ID).fetch();
                    for (int i = from; i < to; i++) {
                        hosts.get(i).id = ids.get(i - from).value1();
                    }
                }
            }
        });
        return hosts;
    }

    @Override
    public JooqHost readModifyWrite(long id) {
        return dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            JooqHost host = selectHost(transaction).from(HOST).where(ID.eq(id)).fetchSingle(Records.mapping(JooqHost::new));
            host.port++;
            transaction.update(HOST).set(PORT, host.port).where(ID.eq(id)).execute();
            return host;
        });
    }

    @Override
    public int bulkUpdate(String datacenter) {
        return dsl.update(HOST).set(CPU_CORES, CPU_CORES.plus(1)).where(DATACENTER.eq(datacenter)).execute();
    }

    @Override
    public HostRow row(JooqHost host) {
        return host == null ? null : host.row();
    }
}
