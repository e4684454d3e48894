package io.quarry.relations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.Repository;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entity arguments of derived queries ({@code findByDatacenter(Datacenter dc)}): the object's id is
 * compared with the foreign key, without a join, in finds, counts, exists, deletes and updates;
 * transient objects are refused before any SQL.
 */
@CrossDatabaseTest
class RelationEntityArgumentIT {

    interface HostName {
        String getHostname();

        String getDatacenterName();
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        List<Host> findByDatacenter(Datacenter datacenter);

        List<Host> findByDatacenterNot(Datacenter datacenter);

        List<Host> findByDatacenterIn(Collection<Datacenter> datacenters);

        List<Host> findByDatacenterNotIn(Datacenter... datacenters);

        List<Host> findByDatacenterIsNull();

        List<HostName> findNamesByDatacenterOrderByHostname(Datacenter datacenter);

        List<Host> findByReplicaOf(Host original);

        long countByDatacenter(Datacenter datacenter);

        boolean existsByDatacenter(Datacenter datacenter);

        int deleteByDatacenter(Datacenter datacenter);

        int updateDatacenterByHostname(Datacenter datacenter, String hostname);
    }

    interface OrderedEntity extends Repository<Host, Long> {
        List<Host> findByDatacenterGreaterThan(Datacenter datacenter);
    }

    interface WrongEntity extends Repository<Host, Long> {
        List<Host> findByDatacenter(Tag tag);
    }

    private final TestDatabase db;
    private final Engine engine;
    private final Statements statements = new Statements();
    private HostRepository hosts;
    private Datacenter fra1;
    private Datacenter fra2;
    private Datacenter iad1;

    RelationEntityArgumentIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.create(db.dataSource());
    }

    /** fra-1: web-1, web-2; fra-2: db-1; iad-1: web-3; orphan has no datacenter. */
    @BeforeEach
    void seed() {
        dropTables();
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        try (Session session = engine.openSession()) {
            fra1 = new Datacenter("fra-1", "eu").addHost(new Host("web-1")).addHost(new Host("web-2"));
            fra2 = new Datacenter("fra-2", "eu").addHost(new Host("db-1"));
            iad1 = new Datacenter("iad-1", "us").addHost(new Host("web-3"));
            List.of(fra1, fra2, iad1).forEach(session::add);
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

    private static List<String> names(List<Host> found) {
        return found.stream().map(Host::getHostname).sorted().toList();
    }

    @Test
    void anEntityArgumentIsComparedByItsIdOnTheForeignKeyWithoutAJoin() {
        List<Host> found = hosts.findByDatacenter(fra1);

        List<String> sql = statements.take();
        assertThat(names(found)).containsExactly("web-1", "web-2");
        assertThat(sql).as("the hosts, their one datacenter on %s: %s", db, sql).hasSize(2);
        assertThat(sql.get(0)).doesNotContain("join").endsWith("from rl_host where datacenter_id = ?");
    }

    @Test
    void aNullArgumentMatchesRowsWithoutTheReferenceAndNotExcludesThem() {
        assertThat(names(hosts.findByDatacenter(null))).containsExactly("orphan");
        assertThat(statements.take()).as("orphan references nothing to load, on %s", db).hasSize(1);
        assertThat(names(hosts.findByDatacenterNot(fra1))).as("NULL is not unequal in SQL, as in JPA")
                .containsExactly("db-1", "web-3");
        assertThat(names(hosts.findByDatacenterIsNull())).containsExactly("orphan");
        List<String> sql = statements.take();
        assertThat(sql).as("on %s: %s", db, sql).hasSize(3);
        assertThat(sql.get(2)).doesNotContain("join").endsWith("where datacenter_id is null");
    }

    @Test
    void inTakesACollectionOrVarargsOfEntities() {
        assertThat(names(hosts.findByDatacenterIn(List.of(fra1, iad1)))).containsExactly("web-1", "web-2", "web-3");
        assertThat(names(hosts.findByDatacenterIn(List.of()))).isEmpty();
        assertThat(names(hosts.findByDatacenterNotIn(fra1, fra2))).containsExactly("web-3");

        List<String> sql = statements.take();
        assertThat(sql).as("hosts and datacenters, 1 = 0, hosts and their datacenter on %s: %s", db, sql).hasSize(5);
        assertThat(sql.get(2)).endsWith("where 1 = 0");
        assertThat(sql.get(0)).doesNotContain("join").contains("where datacenter_id in (?, ?)");
    }

    @Test
    void countExistsAndAProjectionTakeEntityArgumentsInOneStatementEach() {
        assertThat(hosts.countByDatacenter(fra1)).isEqualTo(2);
        assertThat(hosts.existsByDatacenter(fra2)).isTrue();
        assertThat(hosts.findNamesByDatacenterOrderByHostname(fra1)).extracting(HostName::getHostname,
                HostName::getDatacenterName).containsExactly(org.assertj.core.groups.Tuple.tuple("web-1", "fra-1"),
                org.assertj.core.groups.Tuple.tuple("web-2", "fra-1"));

        List<String> sql = statements.take();
        assertThat(sql).as("on %s: %s", db, sql).hasSize(3);
        assertThat(sql.get(0)).doesNotContain("join").contains("where datacenter_id = ?");
        assertThat(sql.get(2)).as("the projection joins for its column, the condition does not")
                .contains("where rl_host.datacenter_id = ?");
    }

    @Test
    void deleteAndUpdateByAnEntityAreOneStatementEach() {
        assertThat(hosts.deleteByDatacenter(fra1)).isEqualTo(2);
        assertThat(hosts.updateDatacenterByHostname(iad1, "db-1")).isEqualTo(1);
        assertThat(hosts.updateDatacenterByHostname(null, "web-3")).isEqualTo(1);

        List<String> sql = statements.take();
        assertThat(sql).as("on %s: %s", db, sql).hasSize(3);
        assertThat(sql.get(0)).isEqualTo("delete from rl_host where datacenter_id = ?");
        assertThat(sql.get(1)).isEqualTo("update rl_host set datacenter_id = ? where hostname = ?");
        assertThat(names(hosts.findByDatacenter(iad1))).containsExactly("db-1");
        assertThat(names(hosts.findByDatacenterIsNull())).containsExactly("orphan", "web-3");
    }

    @Test
    void aSelfReferenceTakesAnObjectOfTheSameEntity() {
        Host web3 = hosts.findByDatacenter(iad1).get(0);
        try (Session session = engine.openSession()) {
            Host replica = new Host("web-3-replica");
            replica.setReplicaOf(session.get(Host.class, web3.getId()));
            session.add(replica);
            session.commit();
        }
        statements.clear();

        assertThat(names(hosts.findByReplicaOf(web3))).containsExactly("web-3-replica");
        assertThat(statements.take().get(0)).doesNotContain("join").contains("where replica_of = ?");
    }

    @Test
    void aTransientEntityIsRefusedBeforeAnySql() {
        Datacenter unsaved = new Datacenter("new", "eu");

        assertThatThrownBy(() -> hosts.findByDatacenter(unsaved)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findByDatacenter: argument 1 (datacenter) for Is in 'Datacenter' is a "
                        + "Datacenter without an id (transient: never saved), which no row can refer to; save it first, "
                        + "or find rows without one with datacenterIsNull");
        assertThatThrownBy(() -> hosts.countByDatacenter(unsaved)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> hosts.deleteByDatacenter(unsaved)).isInstanceOf(InvalidArgumentException.class);
        assertThatThrownBy(() -> hosts.updateDatacenterByHostname(unsaved, "web-1"))
                .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("argument 1 (datacenter) is a "
                        + "Datacenter without an id (transient: never saved), which no row can refer to; save it first");
        assertThatThrownBy(() -> hosts.findByDatacenterIn(List.of(fra1, unsaved)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("is a Datacenter without an id").hasMessageEndingWith("(the value at position 1)");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Collection<Datacenter> mixed = (Collection) new ArrayList<>(List.of(fra1, new Tag("web")));
        assertThatThrownBy(() -> hosts.findByDatacenterIn(mixed)).isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("is a Tag, not a Datacenter");
        assertThat(statements.take()).isEmpty();
    }

    @Test
    void anEntityWithAnOrderingKeywordOrOfTheWrongClassStopsTheStart() {
        RepositoryFactory factory = RepositoryFactory.of(engine.sessionFactory());
        assertThatThrownBy(() -> factory.create(OrderedEntity.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("GreaterThan on 'datacenter' (in 'DatacenterGreaterThan') takes a Datacenter "
                        + "argument, but an object is compared by its id with Is, Not, In or NotIn only; compare a "
                        + "property of it instead, e.g. datacenterNameGreaterThan");
        assertThatThrownBy(() -> factory.create(WrongEntity.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("argument 1 for 'Datacenter' is Tag but 'datacenter' refers to Datacenter; pass a "
                        + "Datacenter (compared by its id) or its id (Long)");
    }
}
