package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auditing: an insert carries the created and last-modified stamps, an update only the last-modified
 * ones in the same UPDATE, unchanged objects stay unwritten, records get stamped copies, batches stay
 * batches, and an auditor that throws fails the flush naming the object and the auditor with nothing
 * written and the objects as they were.
 */
@CrossDatabaseTest
class AuditingIT {

    private static final Instant MONDAY = Instant.parse("2026-01-05T09:30:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-01-06T17:45:00Z");
    private static final String INSERT = "insert into s3_audited_note (text, created_at, created_by, modified_at, "
            + "modified_by, modified_millis) values (?, ?, ?, ?, ?, ?)";

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private final AtomicReference<Instant> now = new AtomicReference<>(MONDAY);
    private final AtomicReference<String> user = new AtomicReference<>("alice");
    private Engine engine;

    AuditingIT(TestDatabase db) {
        this.db = db;
    }

    /** A clock the test moves. */
    private final class TestClock extends Clock {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    /** Answers the current user; throws for the user "broken". */
    private final class CurrentUser implements AuditorAware<String> {
        @Override
        public Optional<String> currentAuditor() {
            if ("broken".equals(user.get())) {
                throw new IllegalStateException("no security context");
            }
            return Optional.ofNullable(user.get());
        }
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).auditing(new CurrentUser(), new TestClock())
                .statementListener(statements).build();
        engine.dropAll(AuditedNote.class, AuditedTag.class, MisauditedNote.class);
        engine.createAll(AuditedNote.class, AuditedTag.class, MisauditedNote.class);
        statements.take();
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(AuditedNote.class, AuditedTag.class, MisauditedNote.class);
    }

    private Long addNote() {
        try (Session session = engine.openSession()) {
            AuditedNote note = session.add(new AuditedNote("first"));
            session.commit();
            statements.take();
            return note.id;
        }
    }

    @Test
    void anInsertCarriesTheCreatedAndLastModifiedStampsInOneStatement() {
        Long id = addNote();

        try (Session session = engine.openSession()) {
            AuditedNote note = session.get(AuditedNote.class, id);
            assertThat(note.createdAt).as("on %s", db).isEqualTo(MONDAY);
            assertThat(note.createdBy).isEqualTo("alice");
            assertThat(note.modifiedAt).isEqualTo(LocalDateTime.of(2026, 1, 5, 9, 30));
            assertThat(note.modifiedBy).isEqualTo("alice");
            assertThat(note.modifiedMillis).isEqualTo(MONDAY.toEpochMilli());
        }
    }

    @Test
    void anUpdateStampsOnlyTheLastModifiedPropertiesInTheSameUpdate() {
        Long id = addNote();
        now.set(TUESDAY);
        user.set("bob");
        try (Session session = engine.openSession()) {
            session.get(AuditedNote.class, id).text = "second";
            statements.take();
            session.commit();

            assertThat(statements.take()).as("on %s", db).containsExactly("update s3_audited_note set text = ?, "
                    + "modified_at = ?, modified_by = ?, modified_millis = ? where id = ?");
        }
        try (Session session = engine.openSession()) {
            AuditedNote note = session.get(AuditedNote.class, id);
            assertThat(note.createdAt).as("on %s", db).isEqualTo(MONDAY);
            assertThat(note.createdBy).isEqualTo("alice");
            assertThat(note.modifiedAt).isEqualTo(LocalDateTime.of(2026, 1, 6, 17, 45));
            assertThat(note.modifiedBy).isEqualTo("bob");
            assertThat(note.modifiedMillis).isEqualTo(TUESDAY.toEpochMilli());
        }
    }

    @Test
    void anUnchangedObjectIsNotStampedNorWritten() {
        Long id = addNote();
        now.set(TUESDAY);
        try (Session session = engine.openSession()) {
            session.get(AuditedNote.class, id);
            statements.take();
            session.commit();
        }

        assertThat(statements.take()).as("on %s", db).isEmpty();
    }

    @Test
    void aHundredAuditedInsertsStillGoAsOneBatch() {
        try (Session session = engine.openSession()) {
            for (int i = 0; i < 100; i++) {
                session.add(new AuditedNote("note-" + i));
            }
            session.commit();
        }

        assertThat(statements.take()).as("on %s", db).containsExactly(INSERT + " [x100]");
        try (Session session = engine.openSession()) {
            assertThat(session.query(AuditedNote.class).filterBy("createdBy", "alice").count()).as("on %s", db)
                    .isEqualTo(100);
        }
    }

    @Test
    void anEmptyAuditorLeavesTheByPropertiesAndStillStampsTheDates() {
        user.set(null);
        Long id = addNote();

        try (Session session = engine.openSession()) {
            AuditedNote note = session.get(AuditedNote.class, id);
            assertThat(note.createdBy).as("on %s", db).isNull();
            assertThat(note.createdAt).isEqualTo(MONDAY);
        }
    }

    @Test
    void aRecordIsStampedThroughACopy() {
        try (Session session = engine.openSession()) {
            session.add(new AuditedTag("blue", null, null));
            session.commit();
        }

        try (Session session = engine.openSession()) {
            assertThat(session.get(AuditedTag.class, "blue")).as("on %s", db)
                    .isEqualTo(new AuditedTag("blue", MONDAY, "alice"));
        }
    }

    @Test
    void anAuditorThatThrowsFailsTheFlushNamingTheObjectAndTheAuditorWithNothingWritten() {
        Long id = addNote();
        try (Session session = engine.openSession()) {
            AuditedTag tag = new AuditedTag("red", null, null);
            session.add(tag);
            session.get(AuditedNote.class, id).text = "changed";
            AuditedNote fresh = session.add(new AuditedNote("fresh"));
            statements.take();
            user.set("broken");

            assertThatThrownBy(session::commit)
                    .as("on %s", db)
                    .isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot audit AuditedNote (new): the auditor " + CurrentUser.class.getName() + " failed "
                            + "(java.lang.IllegalStateException: no security context); the flush wrote nothing and its "
                            + "transaction was rolled back")
                    .hasCauseInstanceOf(IllegalStateException.class);
            assertThat(fresh.createdAt).as("nothing stamped").isNull();
            assertThat(fresh.modifiedMillis).isZero();
            session.rollback();
        }
        assertThat(statements.take()).as("on %s", db).isEmpty();
        try (Session session = engine.openSession()) {
            assertThat(session.get(AuditedNote.class, id).text).as("on %s", db).isEqualTo("first");
            assertThat(session.query(AuditedNote.class).count()).isEqualTo(1);
            assertThat(session.query(AuditedTag.class).count()).isZero();
        }
    }

    @Test
    void aCreatedDateOnTextIsRefusedNamingTheFieldAndTheTypesItTakes() {
        try (Session session = engine.openSession()) {
            session.add(new MisauditedNote("n1"));

            assertThatThrownBy(session::flush)
                    .as("on %s", db)
                    .isInstanceOf(MappingException.class)
                    .hasMessage("field 'MisauditedNote.createdAt' is @CreatedDate but has type java.lang.String; use "
                            + "Instant, LocalDateTime, OffsetDateTime, LocalDate, java.sql.Timestamp, java.sql.Date or "
                            + "long (epoch milliseconds)");
            session.rollback();
        }
    }
}
