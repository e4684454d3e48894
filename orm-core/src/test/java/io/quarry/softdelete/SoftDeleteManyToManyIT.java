package io.quarry.softdelete;

import static io.quarry.sql.Sql.any;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToMany;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Soft deletes across a many-to-many: loading the collection through its join table and {@code any(...)}
 * over it leave marked elements out, a marked row keeps its join rows (so restoring it restores its
 * collections), and a hard delete removes them.
 */
@CrossDatabaseTest
class SoftDeleteManyToManyIT {

    @Entity
    @Table(name = "sdm_shelf")
    static class Shelf {
        @Id @GeneratedValue Long id;
        @Column(length = 16) String name;
        @ManyToMany(joinTable = "sdm_shelf_book", joinColumn = "shelf_id", inverseJoinColumn = "book_id")
        List<Book> books = new ArrayList<>();
        @SoftDelete boolean deleted;

        Shelf() {
        }

        Shelf(String name) {
            this.name = name;
        }

        List<Book> getBooks() {
            return books;
        }
    }

    @Entity
    @Table(name = "sdm_book")
    static class Book {
        @Id @GeneratedValue Long id;
        @Column(length = 16) String title;
        @SoftDelete Instant removedAt;

        Book() {
        }

        Book(String title) {
            this.title = title;
        }
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;

    SoftDeleteManyToManyIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createShelves() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Shelf.class, Book.class);
        engine.createAll(Shelf.class, Book.class);
        try (Session session = engine.openSession()) {
            Shelf top = new Shelf("top");
            Shelf low = new Shelf("low");
            Book odyssey = new Book("odyssey");
            Book iliad = new Book("iliad");
            top.books.addAll(List.of(odyssey, iliad));
            low.books.add(iliad);
            session.addAll(top, low);
            session.commit();
        }
        engine.addStatementListener((sql, rows, nanos) -> statements.add(rows > 1 ? sql + " [x" + rows + "]" : sql));
    }

    @AfterEach
    void dropShelves() {
        engine.dropAll(Shelf.class, Book.class);
    }

    @Test
    void aMarkedElementIsLeftOutOfTheCollectionAndOfAnyButKeepsItsJoinRows() {
        try (Session session = engine.openSession()) {
            session.delete(session.query(Book.class).filterBy("title", "iliad").one());
            session.commit();
        }
        assertThat(rows("select count(*) from sdm_shelf_book")).as("join rows stay, on %s", db).isEqualTo(3);
        statements.clear();
        try (Session session = engine.openSession()) {
            List<Shelf> shelves = session.query(Shelf.class).with("books").orderBy(io.quarry.sql.Sql.asc("name")).all();
            assertThat(shelves).extracting(shelf -> shelf.name).containsExactly("low", "top");
            assertThat(shelves.get(0).books).isEmpty();
            assertThat(shelves.get(1).books).extracting(book -> book.title).containsExactly("odyssey");
            assertThat(session.query(Shelf.class).filter(any(Shelf::getBooks)).all())
                    .as("any() without conditions still leaves the marked book out").extracting(shelf -> shelf.name)
                    .containsExactly("top");
        }
        assertThat(statements).as("shelves, their books, the any() query, on %s", db).hasSize(3);
        assertThat(statements.get(1)).contains("join sdm_shelf_book j").contains("e.removed_at is null");
        assertThat(statements.get(2)).contains("removed_at is null");
    }

    @Test
    void aMarkedOwnerKeepsItsJoinRowsAndAHardDeleteRemovesThem() {
        try (Session session = engine.openSession()) {
            session.delete(session.query(Shelf.class).filterBy("name", "top").one());
            session.commit();
        }
        assertThat(rows("select count(*) from sdm_shelf_book")).as("on %s", db).isEqualTo(3);
        try (Session session = engine.openSession()) {
            Shelf top = session.query(Shelf.class).includeDeleted().filterBy("name", "top").one();
            top.deleted = false;
            session.commit();
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Shelf.class).filterBy("name", "top").with("books").one().books)
                    .as("restored with its collection").hasSize(2);
            session.hardDelete(session.query(Shelf.class).filterBy("name", "top").one());
            session.commit();
        }
        assertThat(rows("select count(*) from sdm_shelf_book")).isOne();
    }

    private long rows(String sql) {
        try (Session session = engine.openSession()) {
            return session.sqlRows(sql, Map.of()).get(0).getLong(0);
        }
    }
}
