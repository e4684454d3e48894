package io.quarry.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.EnumType;
import io.quarry.mapping.Enumerated;
import io.quarry.mapping.Id;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every built-in codec, and a user codec, survives createAll + insert + select on every database:
 * values are written through a session and read back by a fresh one.
 */
@CrossDatabaseTest
class CodecRoundTripIT {

    enum Status { ACTIVE, MAINTENANCE, RETIRED }

    @Entity
    @Table(name = "ct_boxed")
    static class Boxed {
        @Id Long id;
        String text;
        @Column(length = 20_000) String longText;
        Character letter;
        Boolean flag;
        Byte tinyNumber;
        Short smallNumber;
        Integer number;
        Long bigNumber;
        Float floatNumber;
        Double doubleNumber;
        BigDecimal amount;
        @Column(precision = 20, scale = 6) BigDecimal preciseAmount;
        BigInteger hugeNumber;
        byte[] bytes;
        Status statusByName;
        @Enumerated(EnumType.ORDINAL) Status statusByOrdinal;
        UUID uuid;
        LocalDate localDate;
        LocalTime localTime;
        LocalDateTime localDateTime;
        Instant instant;
        OffsetDateTime offsetDateTime;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        java.sql.Timestamp sqlTimestamp;
    }

    @Entity
    @Table(name = "ct_primitive")
    static class Primitives {
        @Id long id;
        char letter;
        boolean flag;
        byte tinyNumber;
        short smallNumber;
        int number;
        long bigNumber;
        float floatNumber;
        double doubleNumber;
    }

    /** A value type of the application's, stored as DECIMAL through a registered codec. */
    record Money(BigDecimal amount) {
    }

    static final Codec<Money> MONEY = SimpleCodec.of(SqlType.DECIMAL,
            (statement, index, value) -> statement.setBigDecimal(index, value.amount()),
            (resultSet, index) -> {
                BigDecimal amount = resultSet.getBigDecimal(index);
                return amount == null ? null : new Money(amount);
            });

    @Entity
    @Table(name = "ct_priced")
    record Priced(@Id Long id, @Column(precision = 12, scale = 2) Money price) {
    }

    private static final Class<?>[] TABLES = {Boxed.class, Primitives.class, Priced.class};

    private final TestDatabase db;
    private final Engine engine;

    CodecRoundTripIT(TestDatabase db) {
        this.db = db;
        this.engine = Engine.builder(db.dataSource()).codec(Money.class, MONEY).build();
    }

    @BeforeEach
    void createTables() {
        engine.dropAll(TABLES);
        engine.createAll(TABLES);
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(TABLES);
    }

    // ---- text

    @Test
    void roundTripsFourByteUtf8AndQuotes() {
        Boxed row = boxed();
        row.text = "granite 😀 it's \"quoted\" \\ back`tick 漢字 ü";

        assertThat(roundTrip(row).text).as("on %s", db).isEqualTo(row.text);
    }

    @Test
    void roundTripsTextOfTheDeclaredLength() {
        Boxed row = boxed();
        // 20,000 UTF-16 units: H2 counts a length in those, PostgreSQL and MySQL in code points (16,000 here)
        row.longText = "ab😀".repeat(4_000) + "x".repeat(4_000);

        assertThat(roundTrip(row).longText).as("on %s", db).isEqualTo(row.longText);
    }

    @Test
    void roundTripsTheEmptyStringAsEmptyNotNull() {
        Boxed row = boxed();
        row.text = "";

        assertThat(roundTrip(row).text).as("on %s", db).isEmpty();
    }

    @Test
    void roundTripsCharacters() {
        Boxed row = boxed();
        row.letter = 'é';
        Primitives primitives = primitives();
        primitives.letter = 'x';

        assertThat(roundTrip(row).letter).as("on %s", db).isEqualTo('é');
        assertThat(roundTrip(primitives).letter).as("on %s", db).isEqualTo('x');
    }

    @Test
    void roundTripsASpaceCharacter() {
        Boxed row = boxed();
        row.letter = ' ';
        Primitives primitives = primitives();
        primitives.letter = ' ';

        assertThat(roundTrip(row).letter).as("on %s", db).isEqualTo(' ');
        assertThat(roundTrip(primitives).letter).as("on %s", db).isEqualTo(' ');
    }

    // ---- numbers and booleans

    @Test
    void roundTripsBooleans() {
        Boxed row = boxed();
        row.flag = false;
        Primitives primitives = primitives();
        primitives.flag = true;

        assertThat(roundTrip(row).flag).as("on %s", db).isFalse();
        assertThat(roundTrip(primitives).flag).as("on %s", db).isTrue();
    }

    @Test
    void roundTripsIntegerExtremes() {
        Boxed row = boxed();
        row.tinyNumber = Byte.MIN_VALUE;
        row.smallNumber = Short.MIN_VALUE;
        row.number = Integer.MIN_VALUE;
        row.bigNumber = Long.MIN_VALUE;
        Primitives primitives = primitives();
        primitives.tinyNumber = Byte.MAX_VALUE;
        primitives.smallNumber = Short.MAX_VALUE;
        primitives.number = Integer.MAX_VALUE;
        primitives.bigNumber = Long.MAX_VALUE;

        Boxed boxed = roundTrip(row);
        Primitives loaded = roundTrip(primitives);

        assertThat(boxed.tinyNumber).as("Byte on %s", db).isEqualTo(Byte.MIN_VALUE);
        assertThat(boxed.smallNumber).as("Short on %s", db).isEqualTo(Short.MIN_VALUE);
        assertThat(boxed.number).as("Integer on %s", db).isEqualTo(Integer.MIN_VALUE);
        assertThat(boxed.bigNumber).as("Long on %s", db).isEqualTo(Long.MIN_VALUE);
        assertThat(loaded.tinyNumber).as("byte on %s", db).isEqualTo(Byte.MAX_VALUE);
        assertThat(loaded.smallNumber).as("short on %s", db).isEqualTo(Short.MAX_VALUE);
        assertThat(loaded.number).as("int on %s", db).isEqualTo(Integer.MAX_VALUE);
        assertThat(loaded.bigNumber).as("long on %s", db).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void roundTripsFloatsAndDoublesExactly() {
        Boxed row = boxed();
        row.floatNumber = 0.1f;
        row.doubleNumber = -1.0e300;
        Primitives primitives = primitives();
        primitives.floatNumber = -3.4e38f;
        primitives.doubleNumber = Math.PI;

        Boxed boxed = roundTrip(row);
        Primitives loaded = roundTrip(primitives);

        assertThat(boxed.floatNumber).as("Float on %s", db).isEqualTo(0.1f);
        assertThat(boxed.doubleNumber).as("Double on %s", db).isEqualTo(-1.0e300);
        assertThat(loaded.floatNumber).as("float on %s", db).isEqualTo(-3.4e38f);
        assertThat(loaded.doubleNumber).as("double on %s", db).isEqualTo(Math.PI);
    }

    @Test
    void roundTripsBigDecimalsWithTheirScale() {
        Boxed row = boxed();
        row.amount = new BigDecimal("12345.67");
        row.preciseAmount = new BigDecimal("12345678901234.123456");

        Boxed loaded = roundTrip(row);

        // isEqualTo, not comparesEqualTo: the scale of numeric(38,2) and numeric(20,6) comes back too
        assertThat(loaded.amount).as("numeric(38,2) on %s", db).isEqualTo(new BigDecimal("12345.67"));
        assertThat(loaded.preciseAmount).as("numeric(20,6) on %s", db).isEqualTo(new BigDecimal("12345678901234.123456"));
    }

    @Test
    void roundTripsBigIntegerBeyondLong() {
        Boxed row = boxed();
        row.hugeNumber = BigInteger.TWO.pow(100).negate();

        assertThat(roundTrip(row).hugeNumber).as("on %s", db).isEqualTo(BigInteger.TWO.pow(100).negate());
    }

    @Test
    void roundTripsUserCodecInARecord() {
        Priced priced = new Priced(1L, new Money(new BigDecimal("19.99")));

        try (Session session = engine.openSession()) {
            session.add(priced);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.get(Priced.class, 1L)).as("on %s", db).isEqualTo(priced);
        }
    }

    // ---- binary, enums, UUID

    @Test
    void roundTripsEveryByteValue() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        Boxed row = boxed();
        row.bytes = bytes.clone();

        assertThat(roundTrip(row).bytes).as("on %s", db).isEqualTo(bytes);
    }

    @Test
    void roundTripsEnumsByNameAndByOrdinal() throws SQLException {
        Boxed row = boxed();
        row.statusByName = Status.MAINTENANCE;
        row.statusByOrdinal = Status.RETIRED;

        Boxed loaded = roundTrip(row);

        assertThat(loaded.statusByName).as("on %s", db).isEqualTo(Status.MAINTENANCE);
        assertThat(loaded.statusByOrdinal).as("on %s", db).isEqualTo(Status.RETIRED);
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select status_by_name, status_by_ordinal from ct_boxed where id = ?")) {
            statement.setLong(1, row.id);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).as("row on %s", db).isTrue();
                assertThat(rs.getString(1)).as("stored by name on %s", db).isEqualTo("MAINTENANCE");
                assertThat(rs.getInt(2)).as("stored by ordinal on %s", db).isEqualTo(2);
            }
        }
    }

    @Test
    void roundTripsUuid() {
        UUID uuid = UUID.randomUUID();
        Boxed row = boxed();
        row.uuid = uuid;

        assertThat(roundTrip(row).uuid).as("on %s", db).isEqualTo(uuid);
    }

    // ---- dates and times

    @Test
    void roundTripsLocalDateAndTimesWithMicroseconds() {
        Boxed row = boxed();
        row.localDate = LocalDate.of(2024, 2, 29);
        row.localTime = LocalTime.of(23, 59, 58, 123_456_000);
        row.localDateTime = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 654_321_000);

        Boxed loaded = roundTrip(row);

        assertThat(loaded.localDate).as("LocalDate on %s", db).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(loaded.localTime).as("LocalTime on %s", db).isEqualTo(LocalTime.of(23, 59, 58, 123_456_000));
        assertThat(loaded.localDateTime).as("LocalDateTime on %s", db)
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 654_321_000));
    }

    @Test
    void roundTripsInstantWithMicroseconds() {
        Boxed row = boxed();
        row.instant = Instant.parse("2024-03-31T01:30:00.123456Z");

        assertThat(roundTrip(row).instant).as("on %s", db).isEqualTo(Instant.parse("2024-03-31T01:30:00.123456Z"));
    }

    @Test
    void roundTripsOffsetDateTimeAsTheSameInstant() {
        OffsetDateTime value = OffsetDateTime.parse("2024-06-01T12:00:00.654321+05:30");
        Boxed row = boxed();
        row.offsetDateTime = value;

        OffsetDateTime loaded = roundTrip(row).offsetDateTime;

        // PostgreSQL and MySQL keep the instant, not the offset: they return UTC
        assertThat(loaded.isEqual(value)).as("%s is the instant of %s on %s", loaded, value, db).isTrue();
    }

    @Test
    void roundTripsJavaSqlDateTimeAndTimestamp() {
        Boxed row = boxed();
        row.sqlDate = java.sql.Date.valueOf("2024-02-29");
        row.sqlTime = java.sql.Time.valueOf("13:45:30");
        row.sqlTimestamp = java.sql.Timestamp.valueOf("2024-02-29 13:45:30.123456");

        Boxed loaded = roundTrip(row);

        assertThat(loaded.sqlDate).as("Date on %s", db).isEqualTo(java.sql.Date.valueOf("2024-02-29"));
        assertThat(loaded.sqlTime).as("Time on %s", db).isEqualTo(java.sql.Time.valueOf("13:45:30"));
        assertThat(loaded.sqlTimestamp).as("Timestamp on %s", db)
                .isEqualTo(java.sql.Timestamp.valueOf("2024-02-29 13:45:30.123456"));
    }

    @Test
    void roundTripsTheMillisecondsOfAJavaSqlTime() {
        java.sql.Time time = new java.sql.Time(java.sql.Time.valueOf("13:45:30").getTime() + 250);
        Boxed row = boxed();
        row.sqlTime = time;

        assertThat(roundTrip(row).sqlTime.getTime()).as("on %s", db).isEqualTo(time.getTime());
    }

    @Test
    void findsRowsByDateTimesWithMicroseconds() {
        Boxed row = boxed();
        row.localDateTime = LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_000);
        row.instant = Instant.parse("2024-02-29T13:45:30.123456Z");
        Boxed other = boxed();
        other.localDateTime = row.localDateTime.withNano(0);
        other.instant = row.instant.plusNanos(1_000);
        try (Session session = engine.openSession()) {
            session.addAll(row, other);
            session.commit();
        }

        try (Session session = engine.openSession()) {
            assertThat(session.query(Boxed.class).filter(Sql.col("localDateTime").eq(row.localDateTime)).all())
                    .as("on %s", db).extracting(loaded -> loaded.id).containsExactly(row.id);
            assertThat(session.query(Boxed.class).filter(Sql.col("instant").eq(row.instant)).all())
                    .as("on %s", db).extracting(loaded -> loaded.id).containsExactly(row.id);
            assertThat(session.query(Boxed.class).filter(Sql.col("instant").gt(row.instant)).all())
                    .as("on %s", db).extracting(loaded -> loaded.id).containsExactly(other.id);
        }
    }

    // ---- NULL

    @Test
    void roundTripsNullInEveryBoxedType() {
        Boxed loaded = roundTrip(boxed());

        EntityModel<Boxed> model = engine.model(Boxed.class);
        assertThat(model.properties()).hasSize(26);
        for (PropertyModel property : model.properties()) {
            if (!property.isId()) {
                assertThat(property.get(loaded)).as("%s on %s", property, db).isNull();
            }
        }
    }

    @Test
    void keepsNullDistinctFromZeroFalseAndEmpty() {
        Boxed row = boxed();
        row.text = "";
        row.flag = false;
        row.number = 0;
        row.amount = new BigDecimal("0.00");
        row.bytes = new byte[0];

        Boxed loaded = roundTrip(row);

        assertThat(loaded.text).as("on %s", db).isEqualTo("");
        assertThat(loaded.flag).as("on %s", db).isFalse();
        assertThat(loaded.number).as("on %s", db).isZero();
        assertThat(loaded.amount).as("on %s", db).isEqualTo(new BigDecimal("0.00"));
        assertThat(loaded.bytes).as("on %s", db).isEmpty();
    }

    // ---- helpers

    private long nextId = 1;

    private Boxed boxed() {
        Boxed row = new Boxed();
        row.id = nextId++;
        return row;
    }

    private Primitives primitives() {
        Primitives row = new Primitives();
        row.id = nextId++;
        row.letter = 'p'; // the default '\0' is not storable as text on PostgreSQL
        return row;
    }

    /** Inserts {@code entity} in one session and loads it by id in a fresh one. */
    @SuppressWarnings("unchecked")
    private <T> T roundTrip(T entity) {
        EntityModel<T> model = engine.model((Class<T>) entity.getClass());
        Object id = model.idOf(entity);
        try (Session session = engine.openSession()) {
            session.add(entity);
            session.commit();
        }
        try (Session session = engine.openSession()) {
            T loaded = session.get(model.type(), id);
            assertThat(loaded).as("row %s of %s on %s", id, model.table(), db).isNotNull().isNotSameAs(entity);
            return loaded;
        }
    }
}
