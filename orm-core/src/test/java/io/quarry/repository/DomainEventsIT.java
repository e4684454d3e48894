package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Domain events as Spring Data publishes them: save, saveAll, insert, insertAll, delete and
 * deleteAll(Iterable) hand each entity's {@code @DomainEvents} to the publisher after the write, inside
 * its transaction, then call its {@code @AfterDomainEventPublication} method; deletes by id have no
 * entity and publish nothing.
 */
@CrossDatabaseTest
class DomainEventsIT {

    record Shipped(String parcel) {
    }

    record Cancelled(String parcel) {
    }

    @Entity
    @Table(name = "de_parcel")
    static class Parcel extends AbstractAggregateRoot<Parcel> {
        @Id Long id;
        String label;

        Parcel() {
        }

        Parcel(Long id, String label) {
            this.id = id;
            this.label = label;
        }

        Parcel ship() {
            return andEvent(new Shipped(label));
        }

        Parcel cancel() {
            registerEvent(new Cancelled(label));
            return this;
        }

        Collection<Object> events() {
            return domainEvents();
        }
    }

    /** An entity with methods of its own: one event, not a collection; no clearing method. */
    @Entity
    @Table(name = "de_note")
    record Note(@Id Long id, String text) {
        @DomainEvents
        Object event() {
            return text == null ? null : "note " + text;
        }
    }

    @Entity
    @Table(name = "de_bad")
    static class BadEvents {
        @Id Long id;

        @DomainEvents
        List<Object> events(int which) {
            return List.of();
        }
    }

    interface ParcelRepository extends CrudRepository<Parcel, Long> {
        void deleteByLabel(String label);
    }

    interface NoteRepository extends CrudRepository<Note, Long> {
    }

    interface BadRepository extends CrudRepository<BadEvents, Long> {
    }

    private final TestDatabase db;
    private final List<Object> published = Collections.synchronizedList(new ArrayList<>());
    private Engine engine;
    private RepositoryFactory factory;
    private ParcelRepository parcels;

    DomainEventsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createParcels() {
        db.dropTablesQuietly("de_parcel", "de_note");
        engine = Engine.create(db.dataSource());
        engine.createAll(Parcel.class, Note.class);
        factory = RepositoryFactory.of(engine.sessionFactory()).withDomainEvents(published::add);
        parcels = factory.create(ParcelRepository.class);
    }

    @AfterEach
    void dropParcels() {
        db.dropTablesQuietly("de_parcel", "de_note");
    }

    @Test
    void savePublishesTheEventsAfterWritingThenClearsThem() {
        Parcel parcel = new Parcel(1L, "p-1").ship();
        parcels.save(parcel.cancel());

        assertThat(published).containsExactly(new Shipped("p-1"), new Cancelled("p-1"));
        assertThat(parcel.events()).isEmpty();
        parcels.save(parcel);
        assertThat(published).as("cleared events are not published again").hasSize(2);
    }

    @Test
    void saveAllAndInsertAllPublishEveryEntitysEventsInOrder() {
        parcels.saveAll(List.of(new Parcel(1L, "a").ship(), new Parcel(2L, "b"), new Parcel(3L, "c").cancel()));
        parcels.insertAll(List.of(new Parcel(4L, "d").ship()));
        parcels.insert(new Parcel(5L, "e").cancel());

        assertThat(published).containsExactly(new Shipped("a"), new Cancelled("c"), new Shipped("d"),
                new Cancelled("e"));
    }

    @Test
    void eventsArePublishedInsideTheWritesTransaction() {
        List<Boolean> committed = new ArrayList<>();
        RepositoryFactory seeing = RepositoryFactory.of(engine.sessionFactory()).withDomainEvents(event ->
                committed.add(factory.context().read(session -> session.query(Parcel.class).count()) > 0));
        seeing.create(ParcelRepository.class).save(new Parcel(1L, "p").ship());

        assertThat(committed).as("another session sees no row while the save's transaction is open")
                .containsExactly(false);
    }

    @Test
    void aFailedSavePublishesNothingAndAPublisherThatThrowsRollsTheSaveBack() {
        parcels.save(new Parcel(1L, "p"));
        published.clear();
        assertThatThrownBy(() -> parcels.insert(new Parcel(1L, "again").ship())).isInstanceOf(RuntimeException.class);
        assertThat(published).isEmpty();

        ParcelRepository failing = RepositoryFactory.of(engine.sessionFactory()).withDomainEvents(event -> {
            throw new IllegalStateException("listener failed");
        }).create(ParcelRepository.class);
        assertThatThrownBy(() -> failing.save(new Parcel(2L, "q").ship())).hasMessage("listener failed");
        assertThat(parcels.existsById(2L)).isFalse();
    }

    @Test
    void deleteAndDeleteAllOfEntitiesPublishButDeletesByIdOrConditionDoNot() {
        parcels.saveAll(List.of(new Parcel(1L, "a"), new Parcel(2L, "b"), new Parcel(3L, "c"), new Parcel(4L, "d")));
        Parcel a = parcels.findById(1L).orElseThrow();
        parcels.delete(a.cancel());
        parcels.deleteAll(List.of(parcels.findById(2L).orElseThrow().cancel()));
        parcels.deleteById(3L);
        parcels.deleteByLabel("d");
        parcels.deleteAll();

        assertThat(published).containsExactly(new Cancelled("a"), new Cancelled("b"));
    }

    @Test
    void anEntitysOwnAnnotatedMethodMayReturnOneEventOrNone() {
        NoteRepository notes = factory.create(NoteRepository.class);
        notes.saveAll(List.of(new Note(1L, "hello"), new Note(2L, null)));
        assertThat(published).containsExactly("note hello");
    }

    @Test
    void withoutAPublisherNothingIsCalled() {
        RepositoryFactory.of(engine.sessionFactory()).create(ParcelRepository.class).save(new Parcel(1L, "p").ship());
        assertThat(published).isEmpty();
    }

    @Test
    void refusesADomainEventsMethodWithParametersWhenTheRepositoryIsBuilt() {
        assertThatThrownBy(() -> factory.create(BadRepository.class)).isInstanceOf(QueryCreationException.class)
                .hasMessage("Cannot create repository " + BadRepository.class.getName() + ": @DomainEvents method "
                        + "BadEvents.events must be an instance method without parameters");
    }
}
