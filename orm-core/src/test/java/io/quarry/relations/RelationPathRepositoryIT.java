package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Pageable;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Derived queries through property paths (references as LEFT JOINs, collections as EXISTS, each row
 * once), counts, exists and deletes in one statement, OrderBy and run-time sorts through references,
 * with exact statement counts.
 */
@CrossDatabaseTest
class RelationPathRepositoryIT {

    interface HostRepository extends CrudRepository<Host, Long> {
        List<Host> findByDatacenterRegion(String region);

        List<Host> findByDatacenter_Region(String region);

        List<Host> findByDatacenterRegionIsNull();

        List<Host> findByDatacenterRegionOrHostname(String region, String hostname);

        List<Host> findByTagsName(String name);

        long countByTagsNameIn(Collection<String> names);

        long countByDatacenterRegion(String region);

        boolean existsByDatacenterName(String name);

        List<Host> findByReplicaOfDatacenterName(String name);

        List<Host> findByDatacenterId(Long id);

        List<Host> findByHostnameStartingWithOrderByDatacenterNameDescHostnameAsc(String prefix);

        List<Host> findByHostnameStartingWith(String prefix, Sort sort);

        Page<Host> findByHostnameStartingWith(String prefix, Pageable pageable);

        int deleteByDatacenterRegion(String region);

        int deleteByDatacenterRegionIsNull();

        int deleteByTagsName(String name);

        int updateHostnameByDatacenterNameAndTagsName(String hostname, String datacenter, String tag);
    }

    interface DatacenterRepository extends CrudRepository<Datacenter, Long> {
        List<Datacenter> findByHostsTagsNameOrderByName(String tag);

        long countByHostsHostnameStartingWith(String prefix);
    }

    interface TagRepository extends CrudRepository<Tag, Long> {
        List<Tag> findByHostsDatacenterRegion(String region);

        int deleteByHostsDatacenterRegion(String region);
    }

    interface MisspeltPath extends CrudRepository<Host, Long> {
        List<Host> findByDatacenterRegon(String region);
    }

    interface OrderThroughCollection extends CrudRepository<Host, Long> {
        List<Host> findByHostnameOrderByTagsNameAsc(String hostname);
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();
    private HostRepository hosts;
    private DatacenterRepository datacenters;
    private TagRepository tags;

    RelationPathRepositoryIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /**
     * fra-1 (eu): web-1 (web, db), web-2 (web); fra-2 (eu): db-1 (db); iad-1 (us): web-3 (web);
     * lab-1 (no region): lab; orphan has no datacenter.
     */
    @BeforeEach
    void seed() {
        dropTables();
        engine.createAll(Host.class);
        RepositoryFactory factory = RepositoryFactory.of(engine.sessionFactory());
        hosts = factory.create(HostRepository.class);
        datacenters = factory.create(DatacenterRepository.class);
        tags = factory.create(TagRepository.class);
        try (Session session = engine.openSession()) {
            Tag web = new Tag("web");
            Tag database = new Tag("db");
            Datacenter fra1 = new Datacenter("fra-1", "eu").addHost(tagged(new Host("web-1"), web, database))
                    .addHost(tagged(new Host("web-2"), web));
            Datacenter fra2 = new Datacenter("fra-2", "eu").addHost(tagged(new Host("db-1"), database));
            Datacenter iad1 = new Datacenter("iad-1", "us").addHost(tagged(new Host("web-3"), web));
            Datacenter lab1 = new Datacenter("lab-1", null).addHost(new Host("lab"));
            List.of(fra1, fra2, iad1, lab1).forEach(session::add);
            session.add(new Host("orphan"));
            session.commit();
        }
        engine.addStatementListener(statements);
    }

    private static Host tagged(Host host, Tag... labels) {
        host.getTags().addAll(List.of(labels));
        return host;
    }

    @AfterEach
    void dropTables() {
        engine.removeStatementListener(statements);
        engine.dropAll(Host.class, Datacenter.class, Tag.class);
    }

    private static List<String> names(List<Host> found) {
        return found.stream().map(Host::getHostname).sorted().toList();
    }

    @Test
    void aPathThroughAReferenceIsOneLeftJoinAndTheReferencesOneMoreStatement() {
        List<Host> found = hosts.findByDatacenterRegion("eu");

        List<String> sql = statements.take();
        assertThat(names(found)).containsExactly("db-1", "web-1", "web-2");
        assertThat(found).allSatisfy(host -> assertThat(host.getDatacenter().getRegion()).isEqualTo("eu"));
        assertThat(sql).as("hosts joined to datacenters, then the datacenters on %s: %s", db, sql).hasSize(2);
        assertThat(sql.get(0)).contains(" from rl_host left join rl_datacenter j1 on j1.id = rl_host.datacenter_id "
                + "where j1.region = ?");
    }

    @Test
    void anUnderscoreSplitsTheNameIntoTheSamePath() {
        List<Host> found = hosts.findByDatacenter_Region("eu");
        String underscored = statements.take().get(0);
        hosts.findByDatacenterRegion("eu");

        assertThat(names(found)).containsExactly("db-1", "web-1", "web-2");
        assertThat(statements.take().get(0)).isEqualTo(underscored);
    }

    @Test
    void isNullThroughAReferenceKeepsRowsWithoutItAsALeftJoinDoes() {
        assertThat(names(hosts.findByDatacenterRegionIsNull())).containsExactly("lab", "orphan");
        assertThat(statements.take()).as("hosts, their one datacenter on %s", db).hasSize(2);
    }

    @Test
    void aPathMixesWithOrAndColumnsOfTheEntity() {
        assertThat(names(hosts.findByDatacenterRegionOrHostname("us", "orphan"))).containsExactly("orphan", "web-3");
        assertThat(statements.take()).as("on %s", db).hasSize(2);
    }

    @Test
    void aCollectionPathIsAnExistsSoEachHostComesOnce() {
        List<Host> found = hosts.findByTagsName("web");

        List<String> sql = statements.take();
        assertThat(found).extracting(Host::getHostname).containsExactlyInAnyOrder("web-1", "web-2", "web-3");
        assertThat(sql).as("hosts, datacenters on %s: %s", db, sql).hasSize(2);
        assertThat(sql.get(0)).contains("where exists (select 1 from rl_host_tag s1 join rl_tag s2 on s2.id = s1.tag_id "
                + "where s1.host_id = rl_host.id and s2.name = ?)");
    }

    @Test
    void countByACollectionPathInAListCountsEachHostOnce() {
        long both = hosts.countByTagsNameIn(List.of("web", "db"));
        long none = hosts.countByTagsNameIn(List.of());

        assertThat(both).isEqualTo(4);
        assertThat(none).isZero();
        assertThat(statements.take()).as("one count each on %s", db).hasSize(2);
    }

    @Test
    void countAndExistsThroughAReferenceAreOneStatementEach() {
        assertThat(hosts.countByDatacenterRegion("eu")).isEqualTo(3);
        assertThat(hosts.existsByDatacenterName("iad-1")).isTrue();
        assertThat(hosts.existsByDatacenterName("nowhere")).isFalse();
        assertThat(statements.take()).as("on %s", db).hasSize(3);
    }

    @Test
    void theIdOfAReferenceIsItsForeignKeyWithoutAJoin() {
        Long iad = datacenters.findAll().stream().filter(dc -> dc.getName().equals("iad-1")).findFirst().orElseThrow()
                .getId();
        statements.clear();

        assertThat(names(hosts.findByDatacenterId(iad))).containsExactly("web-3");
        List<String> sql = statements.take();
        assertThat(sql.get(0)).doesNotContain("join").contains("where datacenter_id = ?");
    }

    @Test
    void pathsOfTwoReferencesAndThroughTwoCollectionsResolve() {
        try (Session session = engine.openSession()) {
            Host replica = new Host("web-3-replica");
            replica.setReplicaOf(session.query(Host.class).filterBy("hostname", "web-3").one());
            session.add(replica);
            session.commit();
        }
        statements.clear();

        assertThat(names(hosts.findByReplicaOfDatacenterName("iad-1"))).containsExactly("web-3-replica");
        List<String> sql = statements.take();
        assertThat(sql.get(0)).contains("left join rl_host j1 on j1.id = rl_host.replica_of left join rl_datacenter j2 "
                + "on j2.id = j1.datacenter_id where j2.name = ?");
        assertThat(datacenters.findByHostsTagsNameOrderByName("db")).extracting(Datacenter::getName)
                .containsExactly("fra-1", "fra-2");
        assertThat(datacenters.countByHostsHostnameStartingWith("web")).isEqualTo(2);
        assertThat(tags.findByHostsDatacenterRegion("us")).extracting(Tag::getName).containsExactly("web");
    }

    @Test
    void deleteThroughAReferenceIsOneStatementWithExists() {
        int deleted = hosts.deleteByDatacenterRegion("eu");

        List<String> sql = statements.take();
        assertThat(deleted).isEqualTo(3);
        assertThat(sql).as("one DELETE, nothing loaded, on %s: %s", db, sql).hasSize(1);
        assertThat(sql.get(0)).isEqualTo("delete from rl_host where exists (select 1 from rl_datacenter s1 "
                + "where s1.id = rl_host.datacenter_id and s1.region = ?)");
        assertThat(names(hosts.findAll())).containsExactly("lab", "orphan", "web-3");
    }

    @Test
    void deleteWhereAPathIsNullDeletesRowsWithoutTheReferenceToo() {
        int deleted = hosts.deleteByDatacenterRegionIsNull();

        List<String> sql = statements.take();
        assertThat(deleted).isEqualTo(2);
        assertThat(sql).as("on %s", db).hasSize(1);
        assertThat(sql.get(0)).contains("where not (exists (select 1 from rl_datacenter s1");
        assertThat(names(hosts.findAll())).containsExactly("db-1", "web-1", "web-2", "web-3");
    }

    @Test
    void deleteThroughACollectionIsOneStatement() {
        assertThat(hosts.deleteByTagsName("db")).isEqualTo(2);
        assertThat(statements.take()).as("on %s", db).hasSize(1);
        assertThat(names(hosts.findAll())).containsExactly("lab", "orphan", "web-2", "web-3");
        assertThat(hosts.countByTagsNameIn(List.of("db"))).isZero();
    }

    @Test
    void deleteThroughACollectionAndAReferenceJoinsInsideTheExists() {
        assertThat(tags.deleteByHostsDatacenterRegion("us")).isEqualTo(1);

        List<String> sql = statements.take();
        assertThat(sql).as("on %s", db).hasSize(1);
        assertThat(sql.get(0)).contains("left join rl_datacenter j1 on j1.id = s2.datacenter_id");
        assertThat(tags.findAll()).extracting(Tag::getName).containsExactly("db");
    }

    @Test
    void updateThroughAReferenceAndACollectionIsOneStatement() {
        assertThat(hosts.updateHostnameByDatacenterNameAndTagsName("renamed", "fra-1", "db")).isEqualTo(1);

        List<String> sql = statements.take();
        assertThat(sql).as("on %s: %s", db, sql).hasSize(1);
        assertThat(sql.get(0)).startsWith("update rl_host set hostname = ? where (exists (select 1 from rl_datacenter s1");
        assertThat(names(hosts.findAll())).containsExactly("db-1", "lab", "orphan", "renamed", "web-2", "web-3");
    }

    @Test
    void orderByThroughAReferenceIsALeftJoin() {
        List<Host> found = hosts.findByHostnameStartingWithOrderByDatacenterNameDescHostnameAsc("web");

        assertThat(found).extracting(Host::getHostname).containsExactly("web-3", "web-1", "web-2");
        List<String> sql = statements.take();
        assertThat(sql).as("on %s", db).hasSize(2);
        assertThat(sql.get(0)).contains("order by j1.name desc, rl_host.hostname asc");
    }

    @Test
    void aRunTimeSortThroughAReferenceIsCheckedAgainstTheModelAndJoins() {
        List<Host> found = hosts.findByHostnameStartingWith("web",
                Sort.by(Sort.Direction.DESC, "datacenter.name").and(Sort.by("hostname")));

        assertThat(found).extracting(Host::getHostname).containsExactly("web-3", "web-1", "web-2");
        assertThat(statements.take()).as("on %s", db).hasSize(2);
    }

    @Test
    void aSortThroughACollectionOrAnUnknownNameIsRefusedBeforeAnySql() {
        assertThatThrownBy(() -> hosts.findByHostnameStartingWith("web", Sort.by("tags.name")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot sort Host by 'tags.name': Host.tags is a collection");
        assertThatThrownBy(() -> hosts.findByHostnameStartingWith("web", Sort.by("datacenter.regon")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("cannot sort Host by 'datacenter.regon': it is not a property (datacenter reaches "
                        + "Datacenter); did you mean 'region'?");
        assertThatThrownBy(() -> hosts.findByHostnameStartingWith("web", Sort.by("datacentre.name")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Host has no relation 'datacentre'; did you mean 'datacenter'?");
        assertThatThrownBy(() -> hosts.findByHostnameStartingWith("web", Sort.by("hostname.length")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("Host has no relation 'hostname'");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void aPageSortedThroughAReferenceLoadsTheReferencesOfItsRowsOnly() {
        Page<Host> page = hosts.findByHostnameStartingWith("web", PageRequest.of(0, 2, Sort.by("datacenter.name",
                "hostname")));

        List<String> sql = statements.take();
        assertThat(page.getContent()).extracting(Host::getHostname).containsExactly("web-1", "web-2");
        assertThat(page.getTotalElements()).isEqualTo(3);
        assertThat(sql).as("page, the page's one datacenter, count on %s: %s", db, sql).hasSize(3);
        assertThat(sql.get(0)).contains("order by j1.name asc, rl_host.hostname asc");
        assertThat(sql.get(1)).contains(db.name().equals("mysql") ? "from rl_datacenter where id in (?)"
                : "from rl_datacenter where id = any(?)");
        assertThat(sql.get(2)).as("a sort does not join the count").doesNotContain("join");
    }

    @Test
    void anUnknownStepStopsTheRepositoryWithTheNearestName() {
        assertThatThrownBy(() -> RepositoryFactory.of(engine.sessionFactory()).create(MisspeltPath.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("[MisspeltPath.findByDatacenterRegon]; No property 'regon' on Datacenter "
                        + "(reached through Host.datacenter); did you mean 'region'?");
    }

    @Test
    void orderByThroughACollectionStopsTheRepository() {
        assertThatThrownBy(() -> RepositoryFactory.of(engine.sessionFactory()).create(OrderThroughCollection.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("OrderBy tagsName goes through a collection (Host.tags.name)");
    }
}
