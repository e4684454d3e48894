package io.quarry.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.mapping.other.AuditedBase;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.session.SessionOptions;
import io.quarry.sql.Sql;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import io.quarry.types.Codec;
import io.quarry.types.SimpleCodec;
import io.quarry.types.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After {@value EntityModel#INFLATION_THRESHOLD} reads an entity's rows are read by a generated class
 * calling the typed JDBC getters; it must read every built-in type (and the types that keep their
 * codecs) exactly as the codecs do, NULLs included, in tracked and untracked loads, and leave the
 * errors to the codec path.
 */
@CrossDatabaseTest
class GeneratedReaderIT {

    enum Level { LOW, HIGH }

    record Money(BigDecimal amount) {
    }

    static final Codec<Money> MONEY = SimpleCodec.of(SqlType.DECIMAL,
            (statement, index, value) -> statement.setBigDecimal(index, value.amount()),
            (resultSet, index) -> {
                BigDecimal amount = resultSet.getBigDecimal(index);
                return amount == null ? null : new Money(amount);
            });

    /** Every built-in type, boxed (so NULL can be read), a user codec, and two inherited fields. */
    @Entity
    @Table(name = "gr_boxed")
    static class Boxed extends AuditedBase {
        @Id Long id;
        String text;
        Character letter;
        Boolean flag;
        Byte tinyNumber;
        Short smallNumber;
        Integer number;
        Long bigNumber;
        Float floatNumber;
        Double doubleNumber;
        @Column(precision = 20, scale = 6) BigDecimal amount;
        BigInteger hugeNumber;
        byte[] bytes;
        Level levelByName;
        @Enumerated(EnumType.ORDINAL) Level levelByOrdinal;
        UUID uuid;
        LocalDate localDate;
        LocalTime localTime;
        LocalDateTime localDateTime;
        Instant instant;
        OffsetDateTime offsetDateTime;
        java.sql.Date sqlDate;
        java.sql.Time sqlTime;
        java.sql.Timestamp sqlTimestamp;
        @Column(precision = 12, scale = 2) Money price;
    }

    @Entity
    @Table(name = "gr_primitive")
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

    @Entity
    @Table(name = "gr_record")
    record Point(@Id long id, int x, Double y, String label, boolean visible, Level level,
            @Column(precision = 12, scale = 2) Money price) {
    }

    /** The table of {@link NotNullable}, created with a nullable column. */
    @Entity
    @Table(name = "gr_nullable")
    static class Nullable {
        @Id Long id;
        Integer number;
        String code;
    }

    /** Reads {@code gr_nullable} into a primitive, and its text into a number. */
    @Entity
    @Table(name = "gr_nullable")
    static class NotNullable {
        @Id Long id;
        int number;
        int code;
    }

    private static final Class<?>[] TABLES = {Boxed.class, Primitives.class, Point.class, Nullable.class};

    private final TestDatabase db;
    private final Engine engine;

    GeneratedReaderIT(TestDatabase db) {
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

    @Test
    void readsEveryBuiltInTypeAndItsNullAsTheCodecsDo() {
        try (Session session = engine.openSession()) {
            session.add(fullBoxed(1L));
            Boxed empty = new Boxed();
            empty.id = 2L;
            session.add(empty);
            session.commit();
        }

        assertReadsAlike(Boxed.class, boxed -> boxed.id);
    }

    @Test
    void readsEveryPrimitiveAsTheCodecsDo() {
        try (Session session = engine.openSession()) {
            Primitives extremes = new Primitives();
            extremes.id = 1L;
            extremes.letter = 'q';
            extremes.flag = true;
            extremes.tinyNumber = Byte.MIN_VALUE;
            extremes.smallNumber = Short.MAX_VALUE;
            extremes.number = Integer.MIN_VALUE;
            extremes.bigNumber = Long.MAX_VALUE;
            extremes.floatNumber = 0.1f;
            extremes.doubleNumber = -1.0e300;
            session.add(extremes);
            Primitives zeros = new Primitives();
            zeros.id = 2L;
            zeros.letter = 'z';
            session.add(zeros);
            session.commit();
        }

        assertReadsAlike(Primitives.class, primitives -> primitives.id);
    }

    @Test
    void readsRecordsThroughTheirCanonicalConstructorAsTheCodecsDo() {
        try (Session session = engine.openSession()) {
            session.add(new Point(1L, -7, 2.5, "a", true, Level.HIGH, new Money(new BigDecimal("3.10"))));
            session.add(new Point(2L, 0, null, null, false, null, null));
            session.commit();
        }

        assertReadsAlike(Point.class, Point::id);
    }

    @Test
    void objectsLoadedThroughTheGeneratedReaderAreDirtyCheckedAgainstWhatWasRead() {
        try (Session session = engine.openSession()) {
            session.add(fullBoxed(1L));
            session.commit();
        }
        heat(Boxed.class);
        long before = engine.model(Boxed.class).readers().generatedRowReaders();

        try (Session session = engine.openSession()) {
            Boxed loaded = session.get(Boxed.class, 1L);
            List<Boxed> all = session.query(Boxed.class).all();
            assertThat(all).containsExactly(loaded);
            assertThat(session.isDirty()).isFalse();
            loaded.number = 41;
            loaded.bytes[0] = 9;
            assertThat(session.isDirty()).isTrue();
            session.commit();
        }

        assertThat(engine.model(Boxed.class).readers().generatedRowReaders()).isGreaterThan(before);
        try (Session session = Engine.builder(db.dataSource()).codec(Money.class, MONEY).build().openSession()) {
            Boxed reloaded = session.get(Boxed.class, 1L);
            assertThat(reloaded.number).as("on %s", db).isEqualTo(41);
            assertThat(reloaded.bytes).as("on %s", db).containsExactly(9, 2, 3);
        }
    }

    @Test
    void aNullIntoAPrimitiveFailsAsOnTheCodecPath() {
        try (Session session = engine.openSession()) {
            Nullable row = new Nullable();
            row.id = 1L;
            row.code = "7";
            session.add(row);
            session.commit();
        }
        Throwable slow = readFailure(NotNullable.class);
        heat(NotNullable.class);
        long fallbacks = engine.model(NotNullable.class).readers().fallbacks();

        Throwable fast = readFailure(NotNullable.class);

        assertThat(fast).as("on %s", db).isNotNull().hasSameClassAs(slow).hasMessage(slow.getMessage());
        assertThat(engine.model(NotNullable.class).readers().fallbacks()).isGreaterThan(fallbacks);
    }

    @Test
    void aValueOfAnotherTypeFailsAsOnTheCodecPath() {
        try (Session session = engine.openSession()) {
            Nullable row = new Nullable();
            row.id = 1L;
            row.number = 1;
            row.code = "7";
            session.add(row);
            session.commit();
        }
        heat(NotNullable.class);
        try (Session session = engine.openSession()) {
            session.execute("update gr_nullable set code = 'not a number'");
            session.commit();
        }
        Engine cold = Engine.builder(db.dataSource()).codec(Money.class, MONEY).build();
        Throwable slow = readFailure(cold, NotNullable.class);
        long fallbacks = engine.model(NotNullable.class).readers().fallbacks();

        Throwable fast = readFailure(NotNullable.class);

        assertThat(fast).as("on %s", db).isNotNull().hasSameClassAs(slow).hasMessage(slow.getMessage());
        assertThat(engine.model(NotNullable.class).readers().fallbacks()).isGreaterThan(fallbacks);
    }

    // ----

    /**
     * Reads every row of {@code type} through the codecs, heats the model until its generated reader
     * exists, then reads them again in every kind of load and checks each took the generated reader and
     * built the same objects.
     */
    private <T> void assertReadsAlike(Class<T> type, Function<T, Object> id) {
        EntityModel<T> model = engine.model(type);
        List<T> slow = readAll(SessionOptions.DEFAULTS, type);
        assertThat(model.readers().generated()).isFalse();
        heat(type);
        for (SessionOptions options : List.of(SessionOptions.DEFAULTS, SessionOptions.DEFAULTS.withReadOnly(true),
                SessionOptions.DEFAULTS.withReadOnly(true).withIdentityMap(false))) {
            long before = model.readers().generatedRowReaders();

            List<T> fast = readAll(options, type);

            assertThat(model.readers().generatedRowReaders()).as("generated readers used with %s", options).isGreaterThan(before);
            assertThat(fast).as("%s on %s", options, db).hasSameSizeAs(slow);
            for (int i = 0; i < slow.size(); i++) {
                assertThat(fast.get(i)).as("row %s with %s on %s", id.apply(slow.get(i)), options, db)
                        .usingRecursiveComparison().isEqualTo(slow.get(i));
            }
        }
        assertThat(model.readers().fallbacks()).isZero();
    }

    /** The rows of {@code type} by id: a tracked query, a stream, and hand-written SQL whose columns are in another order. */
    private <T> List<T> readAll(SessionOptions options, Class<T> type) {
        EntityModel<T> model = engine.model(type);
        String idColumn = model.id().column();
        try (Session session = engine.sessionFactory().withOptions(options).openSession()) {
            List<T> queried = session.query(type).orderBy(Sql.col(model.id().name()).asc()).all();
            List<T> streamed;
            try (Stream<T> stream = session.query(type).orderBy(Sql.col(model.id().name()).asc()).readOnly().stream()) {
                streamed = stream.toList();
            }
            List<T> bySql = session.sqlQuery("select " + reversedColumns(model) + " from " + model.table()
                    + " order by " + idColumn, type);
            assertThat(session.isDirty()).as("dirty after loading with %s", options).isFalse();
            assertThat(streamed).hasSameSizeAs(queried);
            assertThat(bySql).hasSameSizeAs(queried);
            for (int i = 0; i < queried.size(); i++) {
                assertThat(streamed.get(i)).usingRecursiveComparison().isEqualTo(queried.get(i));
                assertThat(bySql.get(i)).usingRecursiveComparison().isEqualTo(queried.get(i));
            }
            return queried;
        }
    }

    private static String reversedColumns(EntityModel<?> model) {
        List<String> columns = new java.util.ArrayList<>(model.properties().stream().map(PropertyModel::column).toList());
        java.util.Collections.reverse(columns);
        return String.join(", ", columns);
    }

    /** Reads {@code type} (a row or more, read or failing) until its generated reader exists. */
    private void heat(Class<?> type) {
        EntityModel<?> model = engine.model(type);
        for (int i = 0; i < EntityModel.INFLATION_THRESHOLD && !model.readers().generated(); i++) {
            readFailure(type);
        }
        assertThat(model.readers().generated()).as("generated reader of %s", type.getSimpleName()).isTrue();
    }

    /** What reading {@code type} in a read-only session (tracked, no snapshots) throws, or null. */
    private Throwable readFailure(Class<?> type) {
        return readFailure(engine, type);
    }

    private static Throwable readFailure(Engine engine, Class<?> type) {
        try (Session session = engine.sessionFactory().withOptions(SessionOptions.DEFAULTS.withReadOnly(true))
                .openSession()) {
            return catchThrowable(() -> session.query(type).all());
        }
    }

    private static Boxed fullBoxed(long id) {
        Boxed row = new Boxed();
        row.id = id;
        row.text = "granite 😀";
        row.letter = 'é';
        row.flag = false;
        row.tinyNumber = (byte) -5;
        row.smallNumber = (short) 300;
        row.number = 0;
        row.bigNumber = 1L << 40;
        row.floatNumber = 1.5f;
        row.doubleNumber = -2.25;
        row.amount = new BigDecimal("12.500000");
        row.hugeNumber = new BigInteger("123456789012345678");
        row.bytes = new byte[] {1, 2, 3};
        row.levelByName = Level.HIGH;
        row.levelByOrdinal = Level.LOW;
        row.uuid = UUID.randomUUID();
        row.localDate = LocalDate.of(2026, 12, 2);
        row.localTime = LocalTime.of(13, 14, 15);
        row.localDateTime = LocalDateTime.of(2026, 12, 2, 13, 14, 15, 123_000);
        row.instant = Instant.parse("2026-12-02T13:14:15.123456Z");
        row.offsetDateTime = OffsetDateTime.of(2026, 12, 2, 13, 14, 15, 0, ZoneOffset.UTC);
        row.sqlDate = java.sql.Date.valueOf("2026-12-02");
        row.sqlTime = java.sql.Time.valueOf("13:14:15");
        row.sqlTimestamp = java.sql.Timestamp.valueOf("2026-12-02 13:14:15.5");
        row.price = new Money(new BigDecimal("9.99"));
        return row;
    }
}
