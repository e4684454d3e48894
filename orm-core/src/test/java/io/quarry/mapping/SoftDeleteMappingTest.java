package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.types.CodecRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Where {@code @SoftDelete} may go: a boolean flag or a nullable java.time column; anything else fails at model build. */
class SoftDeleteMappingTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    @Entity
    static class Flagged {
        @Id Long id;
        @SoftDelete boolean deleted;
    }

    @Entity
    record Stamped(@Id Long id, @SoftDelete Instant deletedAt) {
    }

    @Entity
    static class EveryTime {
        @Id Long id;
        @SoftDelete LocalDateTime removedAt;
        LocalDate day;
        OffsetDateTime offset;
    }

    @Entity
    static class TextMark {
        @Id Long id;
        @SoftDelete String deleted;
    }

    @Entity
    static class BoxedFlag {
        @Id Long id;
        @SoftDelete Boolean deleted;
    }

    @Entity
    static class TimeOfDay {
        @Id Long id;
        @SoftDelete LocalTime deletedAt;
    }

    @Entity
    static class TwoMarks {
        @Id Long id;
        @SoftDelete boolean deleted;
        @SoftDelete Instant deletedAt;
    }

    @Entity
    static class MarkedId {
        @Id @SoftDelete Long id;
    }

    @Entity
    static class MarkedVersion {
        @Id Long id;
        @Version @SoftDelete Long version;
    }

    @Entity
    static class NotNullTime {
        @Id Long id;
        @Column(nullable = false) @SoftDelete Instant deletedAt;
    }

    @Entity
    static class Parent {
        @Id Long id;
    }

    @Entity
    static class MarkedReference {
        @Id Long id;
        @ManyToOne @SoftDelete Parent parent;
    }

    @Test
    void aBooleanIsANotNullFlagAndATimeANullableStamp() {
        SoftDeletion flag = models.model(Flagged.class).softDeletion();
        assertThat(flag.isFlag()).isTrue();
        assertThat(flag.property().spec().nullable()).isFalse();
        assertThat(flag.deletedValue()).isEqualTo(true);
        assertThat(flag.liveValue()).isEqualTo(false);
        assertThat(flag.isDeleted(true)).isTrue();
        assertThat(flag.isDeleted(false)).isFalse();

        SoftDeletion stamp = models.model(Stamped.class).softDeletion();
        assertThat(stamp.isFlag()).isFalse();
        assertThat(stamp.property().spec().nullable()).isTrue();
        assertThat(stamp.deletedValue()).isInstanceOf(Instant.class);
        assertThat(((Instant) stamp.deletedValue()).getNano() % 1000).as("microseconds, as the databases keep").isZero();
        assertThat(stamp.liveValue()).isNull();
        assertThat(stamp.isDeleted(null)).isFalse();
        assertThat(stamp.isDeleted(Instant.EPOCH)).isTrue();

        assertThat(models.model(EveryTime.class).softDeletion().deletedValue()).isInstanceOf(LocalDateTime.class);
        assertThat(models.model(Parent.class).softDeletion()).isNull();
    }

    @Entity
    static class OffsetStamped {
        @Id Long id;
        @SoftDelete OffsetDateTime removedAt;
    }

    @Entity
    static class DayStamped {
        @Id Long id;
        @SoftDelete LocalDate removedOn;
    }

    @Test
    void aDeletedTimeIsTheCurrentTimeInTheMarksOwnTypeInUtc() {
        Object offset = models.model(OffsetStamped.class).softDeletion().deletedValue();
        assertThat(offset).isInstanceOf(OffsetDateTime.class);
        assertThat(((OffsetDateTime) offset).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(models.model(DayStamped.class).softDeletion().deletedValue()).isInstanceOf(LocalDate.class);
    }

    @Test
    void aSoftDeletionReadsAsItsMarkedProperty() {
        SoftDeletion deletion = models.model(DayStamped.class).softDeletion();

        assertThat(deletion).hasToString("@SoftDelete " + deletion.property());
    }

    @Test
    void aMarkOfAnotherTypeFailsNamingTheTypesItMayHave() {
        assertMappingError(TextMark.class, "field 'TextMark.deleted' is @SoftDelete but has type java.lang.String; declare "
                + "it boolean (a deleted flag) or Instant, LocalDateTime, OffsetDateTime or LocalDate (the time of the "
                + "delete, null while the row is live)");
        assertMappingError(TimeOfDay.class, "field 'TimeOfDay.deletedAt' is @SoftDelete but has type java.time.LocalTime");
        assertMappingError(BoxedFlag.class, "field 'BoxedFlag.deleted' is @SoftDelete but has type java.lang.Boolean; "
                + "declare it boolean (a primitive: false means not deleted, so no row is neither)");
    }

    @Test
    void aMarkThatIsAKeyARelationOrNotNullOrTwoMarksFail() {
        assertMappingError(TwoMarks.class, "Entity TwoMarks has 2 @SoftDelete fields [deleted, deletedAt]; keep one: a "
                + "flag or a time");
        assertMappingError(MarkedId.class, "field 'MarkedId.id' cannot be both @SoftDelete and @Id or @Version");
        assertMappingError(MarkedVersion.class, "field 'MarkedVersion.version' cannot be both @SoftDelete and @Id or "
                + "@Version");
        assertMappingError(NotNullTime.class, "field 'NotNullTime.deletedAt' is a @SoftDelete time, which is null while "
                + "the row is live; remove @Column(nullable = false)");
        assertMappingError(MarkedReference.class, "@SoftDelete on relation 'MarkedReference.parent' cannot mark a row "
                + "deleted; put it on a boolean or a java.time field (e.g. 'Instant deletedAt') of MarkedReference");
    }

    private void assertMappingError(Class<?> type, String message) {
        assertThatThrownBy(() -> models.model(type)).isInstanceOf(MappingException.class).hasMessageContaining(message);
    }
}
