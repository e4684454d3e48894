package io.quarry.bench.aggregate.jooq;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import io.quarry.bench.aggregate.AggregateCheck;
import io.quarry.bench.aggregate.AggregateContender;
import io.quarry.bench.aggregate.AggregateFixture;
import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateSeed.NewHost;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateWorkload;
import io.quarry.bench.aggregate.Plain;
import io.quarry.bench.aggregate.Plain.Datacenter;
import io.quarry.bench.aggregate.Plain.Host;
import io.quarry.bench.aggregate.Plain.Tag;
import io.quarry.bench.support.BenchDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.SQLDialect;
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
 * jOOQ without code generation. The reads are one statement each with {@code MULTISET} (a correlated subquery
 * that jOOQ renders as JSON aggregation and maps back into nested objects): hosts joined to their datacenter with
 * the multiset of their tags, datacenters with the multiset of their hosts. On MariaDB the reads run with jOOQ's
 * MARIADB dialect and without its {@code group_concat_max_len} session juggling (see {@link #start}). The write is multi-row inserts of at most {@value #CHUNK} rows in
 * {@code transactionResult}; ids from {@code RETURNING} on H2 and PostgreSQL and counted up from
 * {@code LAST_INSERT_ID()} on MariaDB, as the insert workload does.
 *
 * <p>A JMH state: one per fork; not thread-safe.
 */
@State(Scope.Benchmark)
public class JooqAggregates implements AggregateContender<Host, Datacenter, Datacenter> {

    static final int CHUNK = 1000;

    private static final Table<Record> H = table(name("agg_host")).as("h");
    private static final Field<Long> H_ID = field(name("h", "id"), SQLDataType.BIGINT);
    private static final Field<String> H_HOSTNAME = field(name("h", "hostname"), SQLDataType.VARCHAR(64));
    private static final Field<String> H_IP_ADDR = field(name("h", "ip_addr"), SQLDataType.VARCHAR(64));
    private static final Field<Integer> H_PORT = field(name("h", "port"), SQLDataType.INTEGER);
    private static final Field<Long> H_DATACENTER_ID = field(name("h", "datacenter_id"), SQLDataType.BIGINT);
    private static final Table<Record> D = table(name("agg_datacenter")).as("d");
    private static final Field<Long> D_ID = field(name("d", "id"), SQLDataType.BIGINT);
    private static final Field<String> D_NAME = field(name("d", "name"), SQLDataType.VARCHAR(32));
    private static final Field<String> D_REGION = field(name("d", "region"), SQLDataType.VARCHAR(16));
    private static final Table<Record> HT = table(name("agg_host_tag")).as("ht");
    private static final Field<Long> HT_HOST_ID = field(name("ht", "host_id"), SQLDataType.BIGINT);
    private static final Field<Long> HT_TAG_ID = field(name("ht", "tag_id"), SQLDataType.BIGINT);
    private static final Table<Record> T = table(name("agg_tag")).as("t");
    private static final Field<Long> T_ID = field(name("t", "id"), SQLDataType.BIGINT);
    private static final Field<String> T_NAME = field(name("t", "name"), SQLDataType.VARCHAR(32));

    private static final Field<Long> ID = field(name("id"), SQLDataType.BIGINT);
    private static final Field<String> NAME = field(name("name"), SQLDataType.VARCHAR(32));
    private static final Field<String> REGION = field(name("region"), SQLDataType.VARCHAR(16));
    private static final Field<String> HOSTNAME = field(name("hostname"), SQLDataType.VARCHAR(64));
    private static final Field<String> IP_ADDR = field(name("ip_addr"), SQLDataType.VARCHAR(64));
    private static final Field<Integer> PORT = field(name("port"), SQLDataType.INTEGER);
    private static final Field<Long> DATACENTER_ID = field(name("datacenter_id"), SQLDataType.BIGINT);
    private static final Field<Long> HOST_ID = field(name("host_id"), SQLDataType.BIGINT);
    private static final Field<Long> TAG_ID = field(name("tag_id"), SQLDataType.BIGINT);

    private static final Field<List<Tag>> TAGS = multiset(
            select(T_ID, T_NAME).from(HT).join(T).on(T_ID.eq(HT_TAG_ID)).where(HT_HOST_ID.eq(H_ID)))
            .as("tags").convertFrom(rows -> rows.map(row -> new Tag(row.value1(), row.value2())));
    private static final Field<List<Host>> HOSTS = multiset(
            select(H_ID, H_HOSTNAME, H_IP_ADDR, H_PORT).from(H).where(H_DATACENTER_ID.eq(D_ID)).orderBy(H_ID))
            .as("hosts").convertFrom(rows -> rows.map(row -> new Host(row.value1(), row.value2(), row.value3(),
                    row.value4())));

    private DSLContext dsl;
    private DSLContext reads;
    private boolean lastIdAfterInsert;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        AggregateFixture fixture = AggregateFixture.start();
        start(fixture);
        AggregateCheck.check(AggregateWorkload.of(params), this, fixture);
    }

    public void start(AggregateFixture fixture) {
        Settings settings = new Settings()
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED)
                .withExecuteLogging(false)
                // on MySQL/MariaDB jOOQ wraps MULTISET's GROUP_CONCAT in statements that raise group_concat_max_len,
                // which mysql-connector-j refuses (no allowMultiQueries); MariaDB's default of 1 MB is ample here
                .withRenderGroupConcatMaxLenSessionVariable(false);
        dsl = DSL.using(fixture.dataSource(), fixture.db().jooqDialect(), settings);
        // MULTISET needs the MARIADB dialect on MariaDB: the MYSQL one correlates through a derived table, which
        // MariaDB refuses ("Unknown column 'h.id' in 'WHERE'"); the writes keep MYSQL, see BenchDatabase
        reads = fixture.db() == BenchDatabase.MYSQL ? DSL.using(fixture.dataSource(), SQLDialect.MARIADB, settings) : dsl;
        lastIdAfterInsert = fixture.db() == BenchDatabase.MYSQL;
    }

    @Override
    public List<Host> hostsWithDatacenterAndTags(long maxHostId) {
        return reads.select(H_ID, H_HOSTNAME, H_IP_ADDR, H_PORT, D_ID, D_NAME, D_REGION, TAGS)
                .from(H).join(D).on(D_ID.eq(H_DATACENTER_ID))
                .where(H_ID.le(maxHostId))
                .orderBy(H_ID)
                .fetch(row -> {
                    Host host = new Host(row.value1(), row.value2(), row.value3(), row.value4());
                    host.datacenter = new Datacenter(row.value5(), row.value6(), row.value7());
                    host.tags.addAll(row.value8());
                    return host;
                });
    }

    @Override
    public List<Datacenter> datacentersWithHosts(long maxDatacenterId) {
        return reads.select(D_ID, D_NAME, D_REGION, HOSTS)
                .from(D)
                .where(D_ID.le(maxDatacenterId))
                .orderBy(D_ID)
                .fetch(row -> {
                    Datacenter datacenter = new Datacenter(row.value1(), row.value2(), row.value3());
                    for (Host host : row.value4()) {
                        host.datacenter = datacenter;
                        datacenter.hosts.add(host);
                    }
                    return datacenter;
                });
    }

    @Override
    public List<Datacenter> write(List<NewDatacenter> plan) {
        List<Tag> tags = new ArrayList<>();
        for (String name : AggregateSeed.newTagNames()) {
            tags.add(new Tag(null, name));
        }
        List<Datacenter> datacenters = new ArrayList<>(plan.size());
        List<Host> hosts = new ArrayList<>();
        for (NewDatacenter planned : plan) {
            Datacenter datacenter = new Datacenter(null, planned.name(), planned.region());
            for (NewHost plannedHost : planned.hosts()) {
                Host host = new Host(null, plannedHost.hostname(), plannedHost.ipAddr(), plannedHost.port());
                host.datacenter = datacenter;
                for (int tag : plannedHost.tags()) {
                    host.tags.add(tags.get(tag - 1));
                }
                datacenter.hosts.add(host);
                hosts.add(host);
            }
            datacenters.add(datacenter);
        }
        return dsl.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            List<Long> tagIds = insert(transaction, table(name("agg_tag")), List.of(NAME), tags,
                    tag -> new Object[] {tag.name});
            for (int i = 0; i < tags.size(); i++) {
                tags.get(i).id = tagIds.get(i);
            }
            List<Long> datacenterIds = insert(transaction, table(name("agg_datacenter")), List.of(NAME, REGION),
                    datacenters, datacenter -> new Object[] {datacenter.name, datacenter.region});
            for (int i = 0; i < datacenters.size(); i++) {
                datacenters.get(i).id = datacenterIds.get(i);
            }
            List<Long> hostIds = insert(transaction, table(name("agg_host")),
                    List.of(HOSTNAME, IP_ADDR, PORT, DATACENTER_ID), hosts,
                    host -> new Object[] {host.hostname, host.ipAddr, host.port, host.datacenter.id});
            for (int i = 0; i < hosts.size(); i++) {
                hosts.get(i).id = hostIds.get(i);
            }
            List<Object[]> joinRows = new ArrayList<>();
            for (Host host : hosts) {
                for (Tag tag : host.tags) {
                    joinRows.add(new Object[] {host.id, tag.id});
                }
            }
            for (int from = 0; from < joinRows.size(); from += CHUNK) {
                InsertValuesStepN<Record> insert = transaction.insertInto(table(name("agg_host_tag")),
                        List.of(HOST_ID, TAG_ID));
                for (Object[] row : joinRows.subList(from, Math.min(joinRows.size(), from + CHUNK))) {
                    insert = insert.values(row);
                }
                insert.execute();
            }
            return datacenters;
        });
    }

    private <T> List<Long> insert(DSLContext transaction, Table<Record> table, List<Field<?>> fields, List<T> rows,
            java.util.function.Function<T, Object[]> values) {
        List<Long> ids = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            InsertValuesStepN<Record> insert = transaction.insertInto(table, fields);
            for (T row : chunk) {
                insert = insert.values(values.apply(row));
            }
            if (lastIdAfterInsert) {
                insert.execute();
                long first = transaction.lastID().longValue();
                for (int i = 0; i < chunk.size(); i++) {
                    ids.add(first + i);
                }
            } else {
                for (Record1<Long> id : insert.returningResult(ID).fetch()) {
                    ids.add(id.value1());
                }
            }
        }
        return ids;
    }

    @Override
    public HostView hostView(Host host) {
        return Plain.hostView(host);
    }

    @Override
    public DatacenterView datacenterView(Datacenter datacenter) {
        return Plain.datacenterView(datacenter);
    }

    @Override
    public DatacenterView writtenView(Datacenter datacenter) {
        return Plain.datacenterView(datacenter);
    }
}
