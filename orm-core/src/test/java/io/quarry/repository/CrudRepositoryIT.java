package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.OptimisticLockException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CrudRepository on plain classes, records and assigned ids; transactions and round trips. */
@CrossDatabaseTest
class CrudRepositoryIT {

    @Entity
    @Table(name = "crud_server")
    static class Server {
        @Id
        @GeneratedValue
        Long id;
        String name;
        int cores;
        @Version
        Integer version;

        Server() {
        }

        Server(String name, int cores) {
            this.name = name;
            this.cores = cores;
        }
    }

    @Entity
    @Table(name = "crud_disk")
    record Disk(@Id @GeneratedValue Long id, String label, @Version Integer version) {
    }

    @Entity
    @Table(name = "crud_tag")
    record Tag(@Id String code, String label) {
    }

    interface ServerRepository extends CrudRepository<Server, Long> {
    }

    interface DiskRepository extends CrudRepository<Disk, Long> {
    }

    interface TagRepository extends CrudRepository<Tag, String> {
    }

    /** Declares some base methods itself, with its own types, without extending CrudRepository. */
    interface ChosenServerMethods extends Repository<Server, Long> {
        Server save(Server server);

        Optional<Server> findById(long id);

        boolean existsById(Long id);

        long count();

        void deleteById(Long id);

        List<Server> findAll(Sort sort);
    }

    /** Named like base methods but with other result or parameter types: derived queries. */
    interface LookAlikeServerMethods extends Repository<Server, Long> {
        List<Server> findById(Long id);
    }

    private final TestDatabase db;
    private final ConnectionRecorder recorder = new ConnectionRecorder();
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RepositoryFactory factory;
    private ServerRepository servers;
    private DiskRepository disks;
    private TagRepository tags;

    CrudRepositoryIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        db.dropTablesQuietly("crud_server", "crud_disk", "crud_tag");
        engine = Engine.create(recorder.wrap(db.dataSource()));
        engine.createAll(Server.class, Disk.class, Tag.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        servers = factory.create(ServerRepository.class);
        disks = factory.create(DiskRepository.class);
        tags = factory.create(TagRepository.class);
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql + (rows > 1 ? " x" + rows : "")));
        recorder.clear();
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("crud_server", "crud_disk", "crud_tag");
    }

    @Test
    void saveInsertsANewEntityAndSetsItsGeneratedIdAndVersion() {
        Server server = new Server("alpha", 4);

        Server saved = servers.save(server);

        assertThat(saved).isSameAs(server);
        assertThat(saved.id).isNotNull();
        assertThat(saved.version).isZero();
        assertThat(servers.findById(saved.id)).get().extracting(s -> s.name).isEqualTo("alpha");
    }

    @Test
    void saveUpdatesADetachedEntityAndBumpsItsVersion() {
        Server server = servers.save(new Server("alpha", 4));
        server.cores = 8;

        Server saved = servers.save(server);

        assertThat(saved.version).isEqualTo(1);
        assertThat(servers.findById(server.id)).get().extracting(s -> s.cores, s -> s.version).containsExactly(8, 1);
    }

    @Test
    void saveRejectsAStaleDetachedCopy() {
        Server server = servers.save(new Server("alpha", 4));
        Server stale = servers.findById(server.id).orElseThrow();
        server.cores = 8;
        servers.save(server);
        stale.cores = 2;

        assertThatThrownBy(() -> servers.save(stale))
                .isInstanceOf(OptimisticLockException.class)
                .hasMessage("Cannot save Server " + server.id + ": it was changed since it was loaded (version 0, now 1); "
                        + "reload it and apply the change again");
        assertThat(servers.findById(server.id)).get().extracting(s -> s.cores).isEqualTo(8);
    }

    @Test
    void saveReturnsTheRebuiltRecord() {
        Disk saved = disks.save(new Disk(null, "ssd", null));

        assertThat(saved.id()).isNotNull();
        assertThat(saved.version()).isZero();
        Disk renamed = disks.save(new Disk(saved.id(), "nvme", saved.version()));
        assertThat(renamed.version()).isEqualTo(1);
        assertThat(disks.findById(saved.id())).contains(renamed);
    }

    @Test
    void saveAllInsertsInOneBatch() {
        statements.clear();

        List<Server> saved = servers.saveAll(List.of(new Server("a", 1), new Server("b", 2), new Server("c", 3)));

        assertThat(saved).allMatch(server -> server.id != null);
        assertThat(statements).containsExactly("insert into crud_server (name, cores, version) values (?, ?, ?) x3");
    }

    @Test
    void insertWithAnAssignedIdSendsNoSelect() {
        statements.clear();

        tags.insert(new Tag("db", "database"));
        tags.insertAll(List.of(new Tag("web", "web"), new Tag("ops", "operations")));

        assertThat(statements).containsExactly("insert into crud_tag (code, label) values (?, ?)",
                "insert into crud_tag (code, label) values (?, ?) x2");
        assertThat(tags.count()).isEqualTo(3);
    }

    @Test
    void saveWithAnAssignedIdChecksWhetherTheRowExists() {
        tags.save(new Tag("db", "database"));
        statements.clear();

        tags.save(new Tag("db", "databases"));

        assertThat(statements).containsExactly("select code, label from crud_tag where code = ?",
                "update crud_tag set label = ? where code = ?");
        assertThat(tags.findById("db")).contains(new Tag("db", "databases"));
    }

    @Test
    void insertOfAnExistingIdFailsWithAConstraintViolation() {
        tags.insert(new Tag("db", "database"));

        assertThatThrownBy(() -> tags.insert(new Tag("db", "again")))
                .isInstanceOf(ConstraintViolationException.class);
    }

    @Test
    void findsByIdAndTellsWhetherAnIdExists() {
        Server server = servers.save(new Server("alpha", 4));

        assertThat(servers.findById(server.id)).isPresent();
        assertThat(servers.findById(-1L)).isEmpty();
        assertThat(servers.existsById(server.id)).isTrue();
        assertThat(servers.existsById(-1L)).isFalse();
        assertThatThrownBy(() -> servers.findById(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.findById(null): an id is required");
    }

    @Test
    void findsAllAndCounts() {
        servers.saveAll(List.of(new Server("a", 1), new Server("b", 2), new Server("c", 3)));

        assertThat(servers.findAll()).extracting(s -> s.name).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(servers.count()).isEqualTo(3);
    }

    @Test
    void findsAllByIdSkippingMissingOnes() {
        List<Server> saved = servers.saveAll(List.of(new Server("a", 1), new Server("b", 2), new Server("c", 3)));

        assertThat(servers.findAllById(List.of(saved.get(0).id, saved.get(2).id, -5L)))
                .extracting(s -> s.name).containsExactlyInAnyOrder("a", "c");
        assertThat(servers.findAllById(List.of())).isEmpty();
    }

    @Test
    void deletesByIdWithOneStatement() {
        Server server = servers.save(new Server("alpha", 4));
        statements.clear();

        servers.deleteById(server.id);
        servers.deleteById(-1L);

        assertThat(statements).containsExactly("delete from crud_server where id = ?", "delete from crud_server where id = ?");
        assertThat(servers.count()).isZero();
    }

    @Test
    void deletesAnEntityAndSeveral() {
        List<Server> saved = servers.saveAll(List.of(new Server("a", 1), new Server("b", 2), new Server("c", 3),
                new Server("d", 4)));

        servers.delete(saved.get(0));
        servers.deleteAll(List.of(saved.get(1), saved.get(2)));

        assertThat(servers.findAll()).extracting(s -> s.name).containsExactly("d");
    }

    @Test
    void deleteOfAStaleVersionFails() {
        Server server = servers.save(new Server("alpha", 4));
        Server stale = servers.findById(server.id).orElseThrow();
        server.cores = 8;
        servers.save(server);

        assertThatThrownBy(() -> servers.delete(stale)).isInstanceOf(OptimisticLockException.class);
        assertThat(servers.existsById(server.id)).isTrue();
    }

    @Test
    void deletesAllByIdAndAll() {
        List<Server> saved = servers.saveAll(List.of(new Server("a", 1), new Server("b", 2), new Server("c", 3)));

        servers.deleteAllById(List.of(saved.get(0).id, saved.get(1).id));
        assertThat(servers.count()).isEqualTo(1);

        statements.clear();
        servers.deleteAll();
        assertThat(statements).containsExactly("delete from crud_server");
        assertThat(servers.count()).isZero();
    }

    @Test
    void aReadOutsideATransactionIsOneAutoCommitRoundTrip() {
        Server server = servers.save(new Server("alpha", 4));
        recorder.clear();
        statements.clear();

        servers.findById(server.id);

        assertThat(statements).hasSize(1);
        assertThat(recorder.calls()).containsExactly("getConnection", "close");
    }

    @Test
    void aWriteOutsideATransactionCommitsItsOwnTransaction() {
        servers.save(new Server("alpha", 4));

        assertThat(recorder.calls()).containsExactly("getConnection", "setAutoCommit[false]", "commit",
                "setAutoCommit[true]", "close");
    }

    @Test
    void callsInsideInTransactionShareOneSessionAndCommitTogether() {
        RepositoryContext context = factory.context();

        Server loaded = context.inTransaction(session -> {
            Server saved = servers.save(new Server("alpha", 4));
            assertThat(servers.findById(saved.id)).containsSame(saved);
            saved.cores = 16;
            return saved;
        });

        assertThat(recorder.calls()).containsOnlyOnce("commit");
        assertThat(servers.findById(loaded.id)).get().extracting(s -> s.cores).isEqualTo(16);
    }

    @Test
    void aFailureInsideInTransactionRollsEverythingBack() {
        assertThatThrownBy(() -> factory.context().inTransaction(session -> {
            servers.save(new Server("alpha", 4));
            tags.insert(new Tag("db", "database"));
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(recorder.calls()).contains("rollback").doesNotContain("commit");
        assertThat(servers.count()).isZero();
        assertThat(tags.count()).isZero();
    }

    @Test
    void joinsTheCallersOwnSession() {
        try (Session session = engine.openSession()) {
            ServerRepository joined = new RepositoryFactory(engine,
                    RepositoryContext.of(engine.sessionFactory(), () -> session)).create(ServerRepository.class);

            Server saved = joined.save(new Server("alpha", 4));

            assertThat(session.contains(saved)).isTrue();
            assertThat(servers.count()).as("not committed yet").isZero();
            session.commit();
        }
        assertThat(servers.count()).isEqualTo(1);
    }

    @Test
    void aRepositoryThatDeclaresBaseMethodsWithItsOwnTypesGetsTheirImplementations() {
        ChosenServerMethods chosen = factory.create(ChosenServerMethods.class);

        Server alpha = chosen.save(new Server("alpha", 4));
        chosen.save(new Server("beta", 8));

        assertThat(alpha.id).isNotNull();
        assertThat(chosen.findById(alpha.id)).get().extracting(s -> s.name).isEqualTo("alpha");
        assertThat(chosen.existsById(alpha.id)).isTrue();
        assertThat(chosen.count()).isEqualTo(2);
        assertThat(chosen.findAll(Sort.by("cores").descending())).extracting(s -> s.name).containsExactly("beta", "alpha");
        chosen.deleteById(alpha.id);
        assertThat(chosen.existsById(alpha.id)).isFalse();
    }

    @Test
    void aMethodNamedLikeABaseMethodWithOtherTypesIsADerivedQuery() {
        LookAlikeServerMethods lookAlike = factory.create(LookAlikeServerMethods.class);
        Server alpha = servers.save(new Server("alpha", 4));
        servers.save(new Server("beta", 8));

        assertThat(lookAlike.findById(alpha.id)).extracting(s -> s.name).containsExactly("alpha");
    }

    @Test
    void saveOfAnObjectTheSessionHoldsWritesItAtTheFlushWithoutASelect() {
        Server alpha = servers.save(new Server("alpha", 4));

        factory.context().inTransaction(session -> {
            Server held = servers.findById(alpha.id).orElseThrow();
            held.cores = 16;
            statements.clear();
            assertThat(servers.save(held)).isSameAs(held);
            return null;
        });

        assertThat(statements).containsExactly("update crud_server set cores = ?, version = ? where id = ? and version = ?");
        assertThat(servers.findById(alpha.id)).get().extracting(s -> s.cores).isEqualTo(16);
    }

    @Test
    void saveOfARecordWithAnUnsetIdInsertsItWhateverItsVersion() {
        Disk saved = disks.save(new Disk(null, "ssd", null));
        statements.clear();

        Disk copy = disks.save(new Disk(null, "hdd", 3));

        assertThat(statements).as("an unset id is new whatever the version says")
                .containsExactly("insert into crud_disk (label, version) values (?, ?)");
        assertThat(copy.id()).isNotEqualTo(saved.id());
        assertThat(disks.count()).isEqualTo(2);
    }

    @Test
    void deleteOfANewObjectSendsNothing() {
        servers.save(new Server("alpha", 4));
        statements.clear();

        servers.delete(new Server("never saved", 1));
        servers.deleteAll(List.of(new Server("nor this", 2)));

        assertThat(statements).isEmpty();
        assertThat(servers.count()).isEqualTo(1);
    }

    @Test
    void deleteOfAnObjectWhoseRowIsGoneOnlyLooksForIt() {
        Server alpha = servers.save(new Server("alpha", 4));
        servers.deleteById(alpha.id);
        statements.clear();

        servers.delete(alpha);

        assertThat(statements).containsExactly("select id, name, cores, version from crud_server where id = ?");
    }

    @Test
    void deleteOfAnObjectTheSessionHoldsDeletesItWithoutAnotherSelect() {
        Server alpha = servers.save(new Server("alpha", 4));
        Server beta = servers.save(new Server("beta", 8));

        factory.context().inTransaction(session -> {
            List<Server> held = servers.findAllById(List.of(alpha.id, beta.id));
            statements.clear();
            servers.delete(held.get(0));
            servers.deleteAll(List.of(held.get(1)));
            return null;
        });

        assertThat(statements).containsExactly("delete from crud_server where id = ? and version = ? x2");
        assertThat(servers.count()).isZero();
    }

    @Test
    void deleteOfARecordWithAnAssignedIdDeletesItsRow() {
        tags.insert(new Tag("db", "database"));

        tags.delete(new Tag("db", "database"));

        assertThat(tags.existsById("db")).isFalse();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void refusesAnEntityOfAnotherTypeNamingBothTypes() {
        CrudRepository raw = servers;

        assertThatThrownBy(() -> raw.save(new Tag("db", "database")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.save: Tag is not a Server");
        assertThatThrownBy(() -> raw.insertAll(List.of(new Server("alpha", 4), "beta")))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.insertAll: String is not a Server");
        assertThat(servers.count()).as("nothing inserted").isZero();
    }

    @Test
    void namesTheMethodOfEveryNullArgument() {
        assertThatThrownBy(() -> servers.insert(null)).hasMessage("ServerRepository.insert(null): an entity is required");
        assertThatThrownBy(() -> servers.delete(null)).hasMessage("ServerRepository.delete(null): an entity is required");
        assertThatThrownBy(() -> servers.insertAll(null))
                .hasMessage("ServerRepository.insertAll(null): pass an empty list for none");
        assertThatThrownBy(() -> servers.deleteAll(null))
                .hasMessage("ServerRepository.deleteAll(null): pass an empty list for none");
        assertThatThrownBy(() -> servers.existsById(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.existsById(null): an id is required");
        assertThatThrownBy(() -> servers.deleteById(null))
                .hasMessage("ServerRepository.deleteById(null): an id is required");
        assertThatThrownBy(() -> servers.saveAll(java.util.Arrays.asList(new Server("alpha", 4), null)))
                .hasMessage("ServerRepository.saveAll(null): an entity is required");
    }

    @Test
    void rejectsNullEntitiesAndIds() {
        assertThatThrownBy(() -> servers.save(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.save(null): an entity is required");
        assertThatThrownBy(() -> servers.saveAll(null)).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("ServerRepository.saveAll(null): pass an empty list for none");
        assertThatThrownBy(() -> servers.deleteById(null)).isInstanceOf(InvalidArgumentException.class);
        assertThat(Optional.of(servers.count())).contains(0L);
    }
}
