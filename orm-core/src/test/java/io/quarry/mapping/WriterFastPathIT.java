package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.SessionOptions;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Entities a session loads in bulk take the fast paths: after the first
 * {@value EntityModel#INFLATION_THRESHOLD}, none is built through the method handles (the generated
 * writer, then the generated reader, build them) and no row falls back to the codecs.
 */
@CrossDatabaseTest
class WriterFastPathIT {

    private static final int ROWS = EntityModel.INFLATION_THRESHOLD * 3;

    @Entity
    @Table(name = "wf_host")
    static class Host {
        @Id Long id;
        String hostname;
        int port;
    }

    /** Inherited fields from another package, set by their own generated writer and reader. */
    @Entity
    @Table(name = "wf_audited")
    static class Audited extends io.quarry.mapping.other.AuditedBase {
        @Id Long id;
        String name;
    }

    @Entity
    @Table(name = "wf_point")
    record Point(@Id long id, double x, String label) {
    }

    private final Engine engine;

    WriterFastPathIT(TestDatabase db) {
        this.engine = Engine.builder(db.dataSource()).build();
    }

    @BeforeEach
    void createTables() {
        engine.dropAll(Host.class, Point.class, Audited.class);
        engine.createAll(Host.class, Point.class, Audited.class);
        List<Object> rows = new ArrayList<>();
        for (int i = 1; i <= ROWS; i++) {
            Host host = new Host();
            host.id = (long) i;
            host.hostname = "web-" + i;
            host.port = i;
            rows.add(host);
            rows.add(new Point(i, i / 2.0, "p" + i));
            rows.add(audited(i));
        }
        try (Session session = engine.openSession()) {
            session.addAll(rows);
            session.commit();
        }
    }

    private Audited audited(long id) {
        EntityModel<Audited> model = engine.model(Audited.class);
        Audited audited = new Audited();
        audited.id = id;
        audited.name = "a" + id;
        model.property("createdBy").set(audited, "user-" + id);
        model.property("revision").set(audited, (int) id);
        return audited;
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Host.class, Point.class, Audited.class);
    }

    @Test
    void hotEntitiesLoadedBySessionsAreBuiltByTheGeneratedWriter() {
        for (int load = 0; load < 2; load++) {
            try (Session session = engine.openSession()) {
                List<Host> hosts = session.query(Host.class).all();
                List<Point> points = session.query(Point.class).all();

                assertThat(hosts).hasSize(ROWS).allSatisfy(host -> assertThat(host.hostname).isEqualTo("web-" + host.id));
                assertThat(points).hasSize(ROWS).allSatisfy(point -> assertThat(point.label()).isEqualTo("p" + point.id()));
            }
        }

        for (EntityModel<?> model : List.of(engine.model(Host.class), engine.model(Point.class))) {
            assertThat(model.instancesBuiltThroughHandles()).as("%s built through handles", model)
                    .isEqualTo(EntityModel.INFLATION_THRESHOLD);
            assertThat(model.readers().generatedRowReaders()).as("%s generated row readers", model).isPositive();
            assertThat(model.readers().fallbacks()).as("%s rows handed back to the codecs", model).isZero();
        }
    }

    @Test
    void inheritedFieldsAreReadByTheirOwnGeneratedReaderInTrackedAndUntrackedLoads() {
        for (SessionOptions options : List.of(SessionOptions.DEFAULTS, SessionOptions.DEFAULTS, // heats, then generated
                SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false))) {
            try (Session session = engine.sessionFactory().withOptions(options).openSession()) {
                assertThat(session.query(Audited.class).all()).as("with %s", options).hasSize(ROWS)
                        .allSatisfy(audited -> {
                            assertThat(audited.createdBy()).isEqualTo("user-" + audited.id);
                            assertThat(audited.revision()).isEqualTo(audited.id.intValue());
                            assertThat(audited.name).isEqualTo("a" + audited.id);
                        });
            }
        }
        EntityModel<Audited> model = engine.model(Audited.class);
        assertThat(model.readers().generatedRowReaders()).isEqualTo(2);
        assertThat(model.readers().fallbacks()).isZero();
    }
}
