package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.OptimisticLockException;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated keys and versions of every type the mapping allows: the flush stores the database's
 * key as the field's own type, starts versions at zero of that type (one when primitive, as Spring Data
 * JDBC does, because 0 means new) and adds one per update.
 */
@CrossDatabaseTest
class FlushKeyTypesIT {

    @Entity
    @Table(name = "fk_int_long")
    static class IntIdLongVersion {
        @Id @GeneratedValue int id;
        @Version long version;
        String name;
    }

    @Entity
    @Table(name = "fk_short_short")
    static class ShortIdShortVersion {
        @Id @GeneratedValue Short id;
        @Version Short version;
        String name;
    }

    @Entity
    @Table(name = "fk_bigint_boxed_long")
    static class BigIntegerIdBoxedLongVersion {
        @Id @GeneratedValue BigInteger id;
        @Version Long version;
        String name;
    }

    @Entity
    @Table(name = "fk_seq_integer")
    static class SequenceIntegerIdIntegerVersion {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) Integer id;
        @Version Integer version;
        String name;
    }

    @Entity
    @Table(name = "fk_seq_short")
    static class SequenceShortIdShortPrimitiveVersion {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) short id;
        @Version short version;
        String name;
    }

    private static final List<Class<?>> TYPES = List.of(IntIdLongVersion.class, ShortIdShortVersion.class,
            BigIntegerIdBoxedLongVersion.class, SequenceIntegerIdIntegerVersion.class,
            SequenceShortIdShortPrimitiveVersion.class);

    private final TestDatabase db;
    private Engine engine;

    FlushKeyTypesIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.builder(db.dataSource()).build();
        engine.dropAll(TYPES.toArray(Class<?>[]::new));
        engine.createAll(TYPES.toArray(Class<?>[]::new));
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(TYPES.toArray(Class<?>[]::new));
    }

    /** Inserts two, updates the first twice, then checks a stale copy is refused. */
    private <T> void roundTrip(Class<T> type, Function<String, T> create, Function<T, Object> id,
            ToLongFunction<T> version, java.util.function.BiConsumer<T, String> rename, Class<?> idType) {
        T first = create.apply("first");
        T second = create.apply("second");
        try (Session session = engine.openSession()) {
            session.addAll(first, second);
            session.commit();
        }
        assertThat(id.apply(first)).as("%s on %s", type.getSimpleName(), db).isInstanceOf(idType);
        assertThat(id.apply(first)).isNotEqualTo(id.apply(second));
        long start = engine.model(type).version().isPrimitive() ? 1 : 0;
        assertThat(version.applyAsLong(first)).as("%s starts at", type.getSimpleName()).isEqualTo(start);
        for (int round = 1; round <= 2; round++) {
            try (Session session = engine.openSession()) {
                T held = session.get(type, id.apply(first));
                rename.accept(held, "renamed-" + round);
                session.commit();
                assertThat(version.applyAsLong(held)).as("%s after update %d", type.getSimpleName(), round)
                        .isEqualTo(start + round);
            }
        }
        try (Session session = engine.openSession(); Session other = engine.openSession()) {
            T held = session.get(type, id.apply(first));
            assertThat(version.applyAsLong(held)).isEqualTo(start + 2);
            rename.accept(other.get(type, id.apply(first)), "changed elsewhere");
            other.commit();
            rename.accept(held, "stale");
            assertThatThrownBy(session::commit).as("%s on %s", type.getSimpleName(), db)
                    .isInstanceOf(OptimisticLockException.class);
        }
    }

    @Test
    void intIdsAndLongVersions() {
        roundTrip(IntIdLongVersion.class, name -> {
            IntIdLongVersion e = new IntIdLongVersion();
            e.name = name;
            return e;
        }, e -> e.id, e -> e.version, (e, n) -> e.name = n, Integer.class);
    }

    @Test
    void shortIdsAndShortVersions() {
        roundTrip(ShortIdShortVersion.class, name -> {
            ShortIdShortVersion e = new ShortIdShortVersion();
            e.name = name;
            return e;
        }, e -> e.id, e -> e.version, (e, n) -> e.name = n, Short.class);
    }

    @Test
    void bigIntegerIdsAndBoxedLongVersions() {
        roundTrip(BigIntegerIdBoxedLongVersion.class, name -> {
            BigIntegerIdBoxedLongVersion e = new BigIntegerIdBoxedLongVersion();
            e.name = name;
            return e;
        }, e -> e.id, e -> e.version, (e, n) -> e.name = n, BigInteger.class);
    }

    @Test
    void sequenceIntegerIdsAndIntegerVersions() {
        roundTrip(SequenceIntegerIdIntegerVersion.class, name -> {
            SequenceIntegerIdIntegerVersion e = new SequenceIntegerIdIntegerVersion();
            e.name = name;
            return e;
        }, e -> e.id, e -> e.version, (e, n) -> e.name = n, Integer.class);
    }

    @Test
    void sequenceShortIdsAndPrimitiveShortVersions() {
        roundTrip(SequenceShortIdShortPrimitiveVersion.class, name -> {
            SequenceShortIdShortPrimitiveVersion e = new SequenceShortIdShortPrimitiveVersion();
            e.name = name;
            return e;
        }, e -> e.id, e -> e.version, (e, n) -> e.name = n, Short.class);
    }
}
