package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.LoadWith;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Pageable;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.Repository;
import io.quarry.repository.Slice;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Projections across relations: flattened names ({@code datacenterName}) and nested interfaces and
 * records ({@code DatacenterView getDatacenter()}) select only their columns with a LEFT JOIN per
 * to-one path, one statement per call (two for a page), null references give null values; what
 * cannot be a projection stops the start.
 */
@CrossDatabaseTest
class RelationProjectionIT {

    /** Flattened names, resolved as Spring Data's PropertyPath, an underscore splitting where it stands. */
    interface HostLine {
        String getHostname();

        String getDatacenterName();

        String getDatacenter_Region();
    }

    record HostRow(String hostname, String datacenterName) {
    }

    interface DatacenterView {
        String getName();

        String getRegion();
    }

    interface HostWithDatacenter {
        String getHostname();

        DatacenterView getDatacenter();

        default String describe() {
            return getHostname() + "@" + (getDatacenter() == null ? "-" : getDatacenter().getName());
        }
    }

    record DatacenterRecord(String name, String region) {
    }

    record HostRecord(String hostname, DatacenterRecord datacenter) {
    }

    /** Its only column may be NULL while the datacenter is there: the foreign key tells them apart. */
    interface RegionView {
        String region();
    }

    interface HostRegion {
        String hostname();

        RegionView datacenter();
    }

    interface OriginView {
        String getHostname();

        DatacenterView getDatacenter();
    }

    interface ReplicaView {
        String getHostname();

        OriginView getReplicaOf();

        String getReplicaOfDatacenterName();
    }

    /** Two columns labelled "name" in one row. */
    interface DatacenterNames {
        String getDatacenterName();

        String getReplicaOfDatacenterName();
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        List<HostLine> findByHostnameStartingWithOrderByHostname(String prefix);

        List<HostRow> findRowsByOrderByHostname();

        List<HostWithDatacenter> findByOrderByHostname();

        List<HostRecord> findRecordsByOrderByHostname();

        List<HostRegion> findRegionsByOrderByHostname();

        List<ReplicaView> findReplicasByHostnameEndingWith(String suffix);

        Optional<HostWithDatacenter> findByHostname(String hostname);

        HostWithDatacenter findFirstByDatacenterRegionOrderByHostnameDesc(String region);

        List<HostLine> findTop2ByOrderByHostname();

        Stream<HostWithDatacenter> streamByDatacenterRegion(String region);

        Page<HostWithDatacenter> findByDatacenterRegion(String region, Pageable pageable);

        Slice<HostRecord> findSliceByHostnameStartingWith(String prefix, Pageable pageable);

        List<DatacenterNames> findDistinctByHostnameNot(String hostname);

        Page<DatacenterNames> findDistinctByHostnameNot(String hostname, Pageable pageable);

        <T> List<T> findByHostnameStartingWith(String prefix, Class<T> type, Sort sort);
    }

    interface TagView {
        String getName();
    }

    interface WithTags {
        String getHostname();

        Set<TagView> getTags();
    }

    interface CollectionInProjection extends Repository<Host, Long> {
        List<WithTags> findByHostname(String hostname);
    }

    interface WithTagNames {
        String getHostname();

        String getTagsName();
    }

    interface PathThroughCollection extends Repository<Host, Long> {
        List<WithTagNames> findByHostname(String hostname);
    }

    interface WithEntity {
        String getHostname();

        Datacenter getDatacenter();
    }

    interface EntityInProjection extends Repository<Host, Long> {
        List<WithEntity> findByHostname(String hostname);
    }

    record NestedOnColumn(String hostname, DatacenterRecord datacenterName) {
    }

    interface NestedColumn extends Repository<Host, Long> {
        List<NestedOnColumn> findByHostname(String hostname);
    }

    interface PrimitiveThroughNullable {
        long getReplicaOfDatacenterId();
    }

    interface PrimitiveProjection extends Repository<Host, Long> {
        List<PrimitiveThroughNullable> findByHostname(String hostname);
    }

    interface Misspelt {
        String getDatacenterRegon();
    }

    interface MisspeltProjection extends Repository<Host, Long> {
        List<Misspelt> findByHostname(String hostname);
    }

    interface LoadWithProjection extends Repository<Host, Long> {
        @LoadWith("datacenter")
        List<HostWithDatacenter> findByHostname(String hostname);
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();
    private HostRepository hosts;

    RelationProjectionIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** fra-1 (eu): web-1, web-2; fra-2 (eu): db-1; iad-1 (us): web-3; lab-1 (no region): lab; orphan has none. */
    @BeforeEach
    void seed() {
        dropTables();
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        try (Session session = engine.openSession()) {
            Datacenter fra1 = new Datacenter("fra-1", "eu").addHost(new Host("web-1")).addHost(new Host("web-2"));
            Datacenter fra2 = new Datacenter("fra-2", "eu").addHost(new Host("db-1"));
            Datacenter iad1 = new Datacenter("iad-1", "us").addHost(new Host("web-3"));
            Datacenter lab1 = new Datacenter("lab-1", null).addHost(new Host("lab"));
            List.of(fra1, fra2, iad1, lab1).forEach(session::add);
            session.add(new Host("orphan"));
            session.commit();
        }
        engine.addStatementListener(statements);
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
    }

    @Test
    void flattenedNamesSelectTheRelatedColumnsThroughOneLeftJoin() {
        List<HostLine> lines = hosts.findByHostnameStartingWithOrderByHostname("web");

        List<String> sql = statements.take();
        assertThat(lines).extracting(HostLine::getHostname, HostLine::getDatacenterName, HostLine::getDatacenter_Region)
                .containsExactly(tuple("web-1", "fra-1", "eu"), tuple("web-2", "fra-1", "eu"), tuple("web-3", "iad-1", "us"));
        assertThat(sql).as("one statement on %s: %s", db, sql).hasSize(1);
        assertThat(sql.get(0)).startsWith("select rl_host.hostname, j1.name, j1.region from rl_host left join "
                + "rl_datacenter j1 on j1.id = rl_host.datacenter_id where rl_host.hostname like ?");
    }

    @Test
    void aNullReferenceGivesNullFlattenedValuesAndKeepsTheRow() {
        List<HostRow> rows = hosts.findRowsByOrderByHostname();

        assertThat(rows).containsExactly(new HostRow("db-1", "fra-2"), new HostRow("lab", "lab-1"),
                new HostRow("orphan", null), new HostRow("web-1", "fra-1"), new HostRow("web-2", "fra-1"),
                new HostRow("web-3", "iad-1"));
        assertThat(statements.take()).as("on %s", db).hasSize(1);
    }

    @Test
    void aNestedInterfaceIsBuiltFromTheSameRowAndIsNullWithoutItsReference() {
        List<HostWithDatacenter> found = hosts.findByOrderByHostname();

        List<String> sql = statements.take();
        assertThat(found).extracting(HostWithDatacenter::describe)
                .containsExactly("db-1@fra-2", "lab@lab-1", "orphan@-", "web-1@fra-1", "web-2@fra-1", "web-3@iad-1");
        assertThat(found.get(1).getDatacenter().getRegion()).isNull();
        assertThat(found.get(3).getDatacenter().getRegion()).isEqualTo("eu");
        assertThat(found.get(3).getDatacenter().toString()).isEqualTo("DatacenterView{name=fra-1, region=eu}");
        assertThat(sql).as("one statement on %s: %s", db, sql).hasSize(1);
        assertThat(sql.get(0)).as("name is NOT NULL, so it tells a missing datacenter: no extra column")
                .startsWith("select rl_host.hostname, j1.name, j1.region from rl_host left join rl_datacenter j1");
    }

    @Test
    void nestedRecordsWorkLikeNestedInterfaces() {
        List<HostRecord> found = hosts.findRecordsByOrderByHostname();

        assertThat(found).containsExactly(new HostRecord("db-1", new DatacenterRecord("fra-2", "eu")),
                new HostRecord("lab", new DatacenterRecord("lab-1", null)), new HostRecord("orphan", null),
                new HostRecord("web-1", new DatacenterRecord("fra-1", "eu")),
                new HostRecord("web-2", new DatacenterRecord("fra-1", "eu")),
                new HostRecord("web-3", new DatacenterRecord("iad-1", "us")));
        assertThat(statements.take()).as("on %s", db).hasSize(1);
    }

    @Test
    void aNestedProjectionOfNullableColumnsOnlyReadsTheForeignKeyToTellANullReference() {
        List<HostRegion> found = hosts.findRegionsByOrderByHostname();

        List<String> sql = statements.take();
        assertThat(found.get(1).hostname()).isEqualTo("lab");
        assertThat(found.get(1).datacenter()).as("lab-1 has no region but is there").isNotNull();
        assertThat(found.get(1).datacenter().region()).isNull();
        assertThat(found.get(2).datacenter()).as("orphan has no datacenter").isNull();
        assertThat(found.get(0).datacenter().region()).isEqualTo("eu");
        assertThat(sql).as("on %s", db).hasSize(1);
        assertThat(sql.get(0)).startsWith("select rl_host.hostname, j1.region, rl_host.datacenter_id from rl_host");
    }

    @Test
    void nestedProjectionsAndFlattenedNamesGoTwoReferencesDeep() {
        try (Session session = engine.openSession()) {
            Host replica = new Host("web-3-replica");
            replica.setReplicaOf(session.query(Host.class).filterBy("hostname", "web-3").one());
            Host stray = new Host("orphan-replica");
            stray.setReplicaOf(session.query(Host.class).filterBy("hostname", "orphan").one());
            session.add(replica);
            session.add(stray);
            session.commit();
        }
        statements.clear();

        List<ReplicaView> found = hosts.findReplicasByHostnameEndingWith("-replica");

        List<String> sql = statements.take();
        ReplicaView replica = found.stream().filter(view -> view.getHostname().equals("web-3-replica")).findFirst()
                .orElseThrow();
        ReplicaView stray = found.stream().filter(view -> view.getHostname().equals("orphan-replica")).findFirst()
                .orElseThrow();
        assertThat(replica.getReplicaOf().getHostname()).isEqualTo("web-3");
        assertThat(replica.getReplicaOf().getDatacenter().getName()).isEqualTo("iad-1");
        assertThat(replica.getReplicaOfDatacenterName()).isEqualTo("iad-1");
        assertThat(stray.getReplicaOf().getHostname()).isEqualTo("orphan");
        assertThat(stray.getReplicaOf().getDatacenter()).isNull();
        assertThat(stray.getReplicaOfDatacenterName()).isNull();
        assertThat(sql).as("one statement on %s: %s", db, sql).hasSize(1);
        assertThat(sql.get(0)).contains("left join rl_host j1 on j1.id = rl_host.replica_of left join rl_datacenter j2 "
                + "on j2.id = j1.datacenter_id");
    }

    @Test
    void singleResultsFirstTopAndStreamsAreOneStatementEach() {
        assertThat(hosts.findByHostname("orphan")).hasValueSatisfying(view -> assertThat(view.getDatacenter()).isNull());
        assertThat(hosts.findByHostname("nowhere")).isEmpty();
        assertThat(hosts.findFirstByDatacenterRegionOrderByHostnameDesc("eu").describe()).isEqualTo("web-2@fra-1");
        assertThat(hosts.findTop2ByOrderByHostname()).extracting(HostLine::getDatacenterName)
                .containsExactly("fra-2", "lab-1");
        try (Stream<HostWithDatacenter> stream = hosts.streamByDatacenterRegion("us")) {
            assertThat(stream.map(HostWithDatacenter::describe)).containsExactly("web-3@iad-1");
        }
        assertThat(statements.take()).as("on %s", db).hasSize(5);
    }

    @Test
    void aPageJoinsInItsCountAndASliceReadsOneRowMore() {
        Page<HostWithDatacenter> page = hosts.findByDatacenterRegion("eu", PageRequest.of(0, 2, Sort.by("hostname")));

        List<String> sql = statements.take();
        assertThat(page.getContent()).extracting(HostWithDatacenter::describe).containsExactly("db-1@fra-2", "web-1@fra-1");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(sql).as("the page and its count on %s: %s", db, sql).hasSize(2);
        assertThat(sql.get(1)).startsWith("select count(*) from rl_host left join rl_datacenter j1");

        Slice<HostRecord> slice = hosts.findSliceByHostnameStartingWith("web", PageRequest.of(1, 2, Sort.by("hostname")));
        assertThat(slice.getContent()).containsExactly(new HostRecord("web-3", new DatacenterRecord("iad-1", "us")));
        assertThat(slice.hasNext()).isFalse();
        assertThat(statements.take()).as("on %s", db).hasSize(1);
    }

    @Test
    void aDistinctProjectionWithTwoColumnsOfOneNameCountsItsRowsInPages() {
        List<DatacenterNames> all = hosts.findDistinctByHostnameNot("nowhere");
        Page<DatacenterNames> page = hosts.findDistinctByHostnameNot("nowhere",
                PageRequest.of(0, 2, Sort.by("datacenter.name")));

        List<String> sql = statements.take();
        assertThat(all).extracting(DatacenterNames::getDatacenterName)
                .containsExactlyInAnyOrder("fra-1", "fra-2", "iad-1", "lab-1", null);
        assertThat(page.getTotalElements()).as("distinct rows, not hosts").isEqualTo(5);
        assertThat(page.getContent()).hasSize(2);
        assertThat(sql).as("the list, the page, its count on %s: %s", db, sql).hasSize(3);
        assertThat(sql.get(2)).startsWith("select count(*) from (select distinct j1.name as c1, j3.name as c2 from");
    }

    @Test
    void aDynamicProjectionJoinsForTheTypeTheCallerPasses() {
        List<HostWithDatacenter> views = hosts.findByHostnameStartingWith("web", HostWithDatacenter.class,
                Sort.by("hostname"));
        List<Host> entities = hosts.findByHostnameStartingWith("web", Host.class, Sort.by("hostname"));

        List<String> sql = statements.take();
        assertThat(views).extracting(HostWithDatacenter::describe).containsExactly("web-1@fra-1", "web-2@fra-1",
                "web-3@iad-1");
        assertThat(entities).extracting(Host::getHostname).containsExactly("web-1", "web-2", "web-3");
        assertThat(sql).as("the views; the hosts and their datacenters on %s: %s", db, sql).hasSize(3);
        assertThatThrownBy(() -> hosts.findByHostnameStartingWith("web", WithTags.class, Sort.unsorted()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot read rows into WithTags: 'tags' of WithTags is a Set");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void aCollectionInAProjectionStopsTheStartSayingWhatToDoInstead() {
        assertThatThrownBy(() -> create(CollectionInProjection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("[CollectionInProjection.findByHostname]; 'tags' of WithTags is a Set; a projection "
                        + "reads one row per Host and Quarry refuses collections in projections on purpose")
                .hasMessageContaining("with @LoadWith naming the collection");
        assertThatThrownBy(() -> create(PathThroughCollection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("'tagsName' of WithTagNames goes through the collection Host.tags; a projection");
    }

    @Test
    void anEntityInAProjectionStopsTheStartNamingTheViewToDeclare() {
        assertThatThrownBy(() -> create(EntityInProjection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("'datacenter' of WithEntity is the entity Datacenter; a projection selects "
                        + "columns, not entities")
                .hasMessageContaining("interface DatacenterView { String getName(); }")
                .hasMessageContaining("@LoadWith(\"datacenter\")");
    }

    @Test
    void otherMistakesStopTheStartWithTheFix() {
        assertThatThrownBy(() -> create(NestedColumn.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("'datacenterName' of NestedOnColumn is DatacenterRecord, a nested projection, but "
                        + "'datacenter.name' is a column, not a to-one relation; declare it as String");
        assertThatThrownBy(() -> create(PrimitiveProjection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("'replicaOfDatacenterId' of PrimitiveThroughNullable is long but Host.replicaOf "
                        + "may be null");
        assertThatThrownBy(() -> create(MisspeltProjection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("'datacenterRegon' of Misspelt names nothing Host reaches: No property 'regon' on "
                        + "Datacenter (reached through Host.datacenter); did you mean 'region'?");
        assertThatThrownBy(() -> create(LoadWithProjection.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("@LoadWith loads relations with Host entities, but the method returns "
                        + "HostWithDatacenter");
    }

    private void create(Class<? extends Repository<Host, Long>> repository) {
        RepositoryFactory.of(engine.sessionFactory()).create(repository);
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
