package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.SessionOptions;
import io.quarry.session.StatementListener;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entities holding references are read by the generated reader too: each foreign key goes into the
 * row's values for the relation loader (never into its field, which holds the referenced object), a
 * NULL key stays null even when the target's id is primitive, and the objects, their references and
 * the statements sent are those of the codec path.
 */
@CrossDatabaseTest
class GeneratedReaderReferencesIT {

    @Entity
    @Table(name = "grr_site")
    static class Site {
        @Id long id;
        String city;
    }

    @Entity
    @Table(name = "grr_room")
    static class Room {
        @Id Long id;
        String label;
    }

    /** Declares a reference in a superclass, so that the superclass's generated reader keeps a key too. */
    static class Placed {
        @ManyToOne Site site;
    }

    @Entity
    @Table(name = "grr_machine")
    static class Machine extends Placed {
        @Id Long id;
        String hostname;
        @ManyToOne(fetch = Fetch.JOINED) Room room;
        @ManyToOne(column = "twin_of") Machine twinOf;
        int cores;
    }

    private static final Class<?>[] TABLES = {Site.class, Room.class, Machine.class};

    private final TestDatabase db;
    private final List<String> statements = new ArrayList<>();
    private final Engine engine;

    GeneratedReaderReferencesIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.builder(db.dataSource()).statementListener(recorder(statements)).build();
    }

    @BeforeEach
    void createTables() {
        engine.dropAll(TABLES);
        engine.createAll(TABLES);
        try (Session session = engine.openSession()) {
            Site lyon = new Site();
            lyon.id = 7;
            lyon.city = "Lyon";
            Room cold = new Room();
            cold.id = 3L;
            cold.label = "cold aisle";
            session.add(lyon);
            session.add(cold);
            Machine first = machine(1L, "a1", lyon, cold, null);
            session.add(first);
            session.add(machine(2L, "a2", lyon, null, first));
            session.add(machine(3L, "a3", null, cold, first));
            session.add(machine(4L, "a4", null, null, null));
            session.commit();
        }
        statements.clear();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(TABLES);
    }

    @Test
    void anEntityWithReferencesIsReadByTheGeneratedReaderIntoTheSameObjectsAsByTheCodecs() {
        EntityModel<Machine> model = engine.model(Machine.class);
        List<Machine> slow = readAll(SessionOptions.DEFAULTS);
        int slowStatements = statements.size();
        assertThat(model.readers().generated()).isFalse();
        heat();

        for (SessionOptions options : List.of(SessionOptions.DEFAULTS, SessionOptions.DEFAULTS.withReadOnly(true),
                SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false))) {
            long before = model.readers().generatedRowReaders();
            statements.clear();

            List<Machine> fast = readAll(options);

            assertThat(model.readers().generatedRowReaders()).as("generated readers used with %s", options)
                    .isGreaterThan(before);
            assertThat(statements).as("statements with %s on %s", options, db).hasSize(slowStatements);
            assertThat(fast).as("%s on %s", options, db).usingRecursiveFieldByFieldElementComparator()
                    .containsExactlyElementsOf(slow);
        }
        assertThat(model.readers().fallbacks()).isZero();
    }

    @Test
    void referencesReadThroughTheGeneratedReaderAreSharedAndNullKeysStayNull() {
        heat();
        long before = engine.model(Machine.class).readers().generatedRowReaders();

        List<Machine> machines = readAll(SessionOptions.DEFAULTS);

        assertThat(engine.model(Machine.class).readers().generatedRowReaders()).isGreaterThan(before);
        Machine first = machines.get(0);
        assertThat(machines).extracting(machine -> machine.site == null ? null : machine.site.city)
                .containsExactly("Lyon", "Lyon", null, null);
        assertThat(machines.get(1).site).isSameAs(first.site);
        assertThat(machines).extracting(machine -> machine.room == null ? null : machine.room.label)
                .containsExactly("cold aisle", null, "cold aisle", null);
        assertThat(machines.get(1).twinOf).isSameAs(first);
        assertThat(machines.get(2).twinOf).isSameAs(first);
        assertThat(machines.get(3).twinOf).isNull();
    }

    @Test
    void aChangedReferenceOfAnObjectReadByTheGeneratedReaderIsFlushedAsItsNewKey() {
        heat();

        try (Session session = engine.openSession()) {
            List<Machine> machines = session.query(Machine.class).orderBy(Sql.col("id").asc()).all();
            assertThat(session.isDirty()).as("dirty right after loading on %s", db).isFalse();
            machines.get(3).twinOf = machines.get(1);
            machines.get(0).site = null;
            session.commit();
        }

        try (Session session = Engine.builder(db.dataSource()).build().openSession()) {
            assertThat(session.get(Machine.class, 4L).twinOf.hostname).isEqualTo("a2");
            assertThat(session.get(Machine.class, 1L).site).isNull();
        }
    }

    // ----

    /** Every machine by id with its references, in a session with {@code options}. */
    private List<Machine> readAll(SessionOptions options) {
        try (Session session = engine.sessionFactory().withOptions(options).openSession()) {
            return session.query(Machine.class).orderBy(Sql.col("id").asc()).all();
        }
    }

    /** Reads machines until their generated reader exists. */
    private void heat() {
        EntityModel<Machine> model = engine.model(Machine.class);
        for (int i = 0; i < EntityModel.INFLATION_THRESHOLD && !model.readers().generated(); i++) {
            readAll(SessionOptions.DEFAULTS.withReadOnly(true));
        }
        assertThat(model.readers().generated()).as("generated reader of Machine").isTrue();
        statements.clear();
    }

    private static Machine machine(Long id, String hostname, Site site, Room room, Machine twinOf) {
        Machine machine = new Machine();
        machine.id = id;
        machine.hostname = hostname;
        machine.site = site;
        machine.room = room;
        machine.twinOf = twinOf;
        machine.cores = 8;
        return machine;
    }

    private static StatementListener recorder(List<String> into) {
        return (sql, rows, nanos) -> {
            synchronized (into) {
                into.add(sql);
            }
        };
    }
}
