package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Auditing's rules beside AuditingIT's main path: every date type gets the clock's instant in the
 * clock's zone, a primitive auditor property takes its boxed answer, and each way of getting auditing
 * wrong (no AuditorAware, an answer of the wrong type, an audited id, version or reference) is refused
 * naming the object or field.
 */
@CrossDatabaseTest
class AuditingRulesIT {

    /** 22:30 UTC on a Monday: already Tuesday at +05:00, so a date taken in the wrong zone shows. */
    private static final Instant LATE_MONDAY = Instant.parse("2026-01-05T22:30:00Z");
    private static final ZoneOffset PLUS_FIVE = ZoneOffset.ofHours(5);

    private final TestDatabase db;
    private final Clock clock = Clock.fixed(LATE_MONDAY, PLUS_FIVE);

    AuditingRulesIT(TestDatabase db) {
        this.db = db;
    }

    @Entity
    @Table(name = "s3_audited_version")
    static class AuditedVersion {
        @Id
        @GeneratedValue
        Long id;
        @Version
        @LastModifiedDate
        long version;
    }

    @Entity
    @Table(name = "s3_audited_parent")
    static class AuditedParent {
        @Id
        @GeneratedValue
        Long id;
        @ManyToOne
        @LastModifiedBy
        AuditedParent parent;
    }

    @Entity
    @Table(name = "s3_audited_owner")
    static class AuditedOwner {
        @Id
        @io.quarry.mapping.CreatedBy
        Integer owner;
    }

    @Entity
    @Table(name = "s3_audited_text_date")
    static class AuditedTextDate {
        @Id
        Long id;
        @LastModifiedDate
        String modified;
    }

    @Entity
    @Table(name = "s3_unaudited")
    static class Unaudited {
        @Id
        Long id;
        String text;
    }

    private Engine engine(AuditorAware<?> auditor) {
        return Engine.builder(db.dataSource()).auditing(auditor, clock).build();
    }

    @BeforeEach
    void createTables() {
        Engine engine = engine(() -> Optional.of(7));
        engine.dropAll(AuditedReading.class, AuditedVersion.class, AuditedParent.class, AuditedOwner.class,
                AuditedTextDate.class, Unaudited.class);
        engine.createAll(AuditedReading.class, AuditedVersion.class, AuditedParent.class, AuditedOwner.class,
                AuditedTextDate.class, Unaudited.class);
    }

    @AfterEach
    void dropTables() {
        engine(() -> Optional.of(7)).dropAll(AuditedReading.class, AuditedVersion.class, AuditedParent.class,
                AuditedOwner.class, AuditedTextDate.class, Unaudited.class);
    }

    @Test
    void everyDateTypeGetsTheClocksInstantInTheClocksZone() {
        Engine engine = engine(() -> Optional.of(7));
        AuditedReading reading;
        try (Session session = engine.openSession()) {
            reading = session.add(new AuditedReading("first"));
            session.commit();
        }

        assertThat(reading.createdAt).as("on %s", db).isEqualTo(OffsetDateTime.ofInstant(LATE_MONDAY, PLUS_FIVE));
        assertThat(reading.createdOn).isEqualTo(LocalDate.of(2026, 1, 6));
        assertThat(reading.modifiedAt).isEqualTo(java.sql.Timestamp.from(LATE_MONDAY));
        assertThat(reading.modifiedOn).isEqualTo(java.sql.Date.valueOf(LocalDate.of(2026, 1, 6)));
        assertThat(reading.modifiedMillis).isEqualTo(LATE_MONDAY.toEpochMilli());
        try (Session session = engine.openSession()) {
            AuditedReading loaded = session.get(AuditedReading.class, reading.id);
            assertThat(loaded.createdAt.toInstant()).as("on %s", db).isEqualTo(LATE_MONDAY);
            assertThat(loaded.createdOn).isEqualTo(LocalDate.of(2026, 1, 6));
            assertThat(loaded.modifiedMillis).isEqualTo(LATE_MONDAY.toEpochMilli());
        }
    }

    @Test
    void aPrimitiveAuditorPropertyTakesTheBoxedAnswerOnInsertAndKeepsItOnUpdate() {
        Long id;
        try (Session session = engine(() -> Optional.of(7)).openSession()) {
            AuditedReading reading = session.add(new AuditedReading("first"));
            session.commit();
            id = reading.id;
        }
        try (Session session = engine(() -> Optional.of(8)).openSession()) {
            session.get(AuditedReading.class, id).label = "second";
            session.commit();
        }

        try (Session session = engine(() -> Optional.of(9)).openSession()) {
            AuditedReading loaded = session.get(AuditedReading.class, id);
            assertThat(loaded.createdBy).as("on %s", db).isEqualTo(7);
            assertThat(loaded.modifiedBy).isEqualTo(8);
        }
    }

    @Test
    void anAuditorAnsweringNullIsTakenAsNoAuditor() {
        Long id;
        try (Session session = engine(() -> null).openSession()) {
            AuditedReading reading = session.add(new AuditedReading("first"));
            session.commit();
            id = reading.id;
            assertThat(reading.createdOn).as("dates still stamped").isEqualTo(LocalDate.of(2026, 1, 6));
        }

        try (Session session = engine(() -> null).openSession()) {
            AuditedReading loaded = session.get(AuditedReading.class, id);
            assertThat(loaded.createdBy).as("on %s", db).isZero();
            assertThat(loaded.modifiedBy).isNull();
        }
    }

    @Test
    void byPropertiesWithoutAnAuditorAwareFailTheFlushNamingTheNewOrTheStoredObject() {
        Long id;
        try (Session session = engine(() -> Optional.of(7)).openSession()) {
            AuditedReading reading = session.add(new AuditedReading("first"));
            session.commit();
            id = reading.id;
        }
        String fix = ": it has @CreatedBy or @LastModifiedBy properties but the auditing has no AuditorAware; pass one "
                + "to Engine.builder(ds).auditing(auditor, clock) (with the starter: declare an AuditorAware bean)";
        Engine withoutAuditor = engine(null);

        try (Session session = withoutAuditor.openSession()) {
            session.add(new AuditedReading("second"));
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot audit AuditedReading (new)" + fix);
            session.rollback();
        }
        try (Session session = withoutAuditor.openSession()) {
            session.get(AuditedReading.class, id).label = "changed";
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot audit AuditedReading " + id + fix);
            session.rollback();
        }
    }

    @Test
    void anAuditorAnsweringAnotherTypeFailsTheFlushNamingThePropertyAndBothTypes() {
        AuditorAware<String> names = () -> Optional.of("alice");
        try (Session session = engine(names).openSession()) {
            AuditedReading reading = session.add(new AuditedReading("first"));

            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(QuarryException.class)
                    .hasMessage("Cannot audit AuditedReading.createdBy: the auditor " + names.getClass().getName()
                            + " answered a java.lang.String, the property holds int; make the AuditorAware's type "
                            + "match");
            assertThat(reading.createdOn).as("put back").isNull();
            session.rollback();
        }
    }

    @Test
    void anAuditedIdVersionOrReferenceIsRefusedNamingTheField() {
        Engine engine = engine(() -> Optional.of(7));
        try (Session session = engine.openSession()) {
            AuditedOwner owner = new AuditedOwner();
            owner.owner = 1;
            session.add(owner);
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(MappingException.class)
                    .hasMessage("field 'AuditedOwner.owner' is @CreatedBy and also an id, version or reference; audit "
                            + "a property of its own");
            session.rollback();
        }
        try (Session session = engine.openSession()) {
            session.add(new AuditedVersion());
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(MappingException.class)
                    .hasMessage("field 'AuditedVersion.version' is @LastModifiedDate and also an id, version or "
                            + "reference; audit a property of its own");
            session.rollback();
        }
        try (Session session = engine.openSession()) {
            session.add(new AuditedParent());
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(MappingException.class)
                    .hasMessage("field 'AuditedParent.parent' is @LastModifiedBy and also an id, version or "
                            + "reference; audit a property of its own");
            session.rollback();
        }
    }

    @Test
    void aLastModifiedDateOfANonDateTypeIsRefusedNamingTheField() {
        try (Session session = engine(() -> Optional.of(7)).openSession()) {
            AuditedTextDate text = new AuditedTextDate();
            text.id = 1L;
            session.add(text);
            assertThatThrownBy(session::flush).as("on %s", db).isInstanceOf(MappingException.class)
                    .hasMessage("field 'AuditedTextDate.modified' is @LastModifiedDate but has type java.lang.String; "
                            + "use Instant, LocalDateTime, OffsetDateTime, LocalDate, java.sql.Timestamp, java.sql.Date "
                            + "or long (epoch milliseconds)");
            session.rollback();
        }
    }

    @Test
    void anEntityWithoutAuditedPropertiesIsWrittenAsItIsUnderAuditing() {
        Engine engine = engine(() -> Optional.of(7));
        try (Session session = engine.openSession()) {
            Unaudited plain = new Unaudited();
            plain.id = 1L;
            plain.text = "as written";
            session.add(plain);
            session.commit();
            plain.text = "changed";
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Unaudited.class, 1L).text).isEqualTo("changed");
        }
    }
}
