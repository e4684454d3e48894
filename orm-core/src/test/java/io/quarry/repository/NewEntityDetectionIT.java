package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;
import io.quarry.mapping.Persistable;
import io.quarry.mapping.Table;
import io.quarry.mapping.Transient;
import io.quarry.mapping.Version;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.ObjectState;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which objects are new when the application assigns ids, as Spring Data decides: a {@link Persistable}
 * says so itself, else the {@code @Version} (null, or 0 when primitive), else the id. A new object is
 * inserted without a SELECT, so saving a second new object with an existing id fails as a duplicate key
 * instead of overwriting the row; primitive versions start at 1 so that a saved object is no longer new.
 */
@CrossDatabaseTest
class NewEntityDetectionIT {

    /** Spring Data's usual shape: new when built by the application's constructor, not when loaded. */
    @Entity
    @Table(name = "ned_account")
    static class Account implements Persistable<String> {
        @Id @Column(length = 16) String code;
        @Column(length = 32) String owner;
        @Transient boolean fresh;

        Account() {
        }

        Account(String code, String owner) {
            this.code = code;
            this.owner = owner;
            this.fresh = true;
        }

        @Override
        public String getId() {
            return code;
        }

        @Override
        public boolean isNew() {
            return fresh;
        }
    }

    @Entity
    @Table(name = "ned_ticket")
    static class Ticket {
        @Id @Column(length = 16) String code;
        @Column(length = 32) String title;
        @Version long version;

        Ticket() {
        }

        Ticket(String code, String title) {
            this.code = code;
            this.title = title;
        }
    }

    @Entity
    @Table(name = "ned_badge")
    static class Badge {
        @Id @Column(length = 16) String code;
        @Column(length = 32) String holder;
        @Version Integer version;

        Badge() {
        }

        Badge(String code, String holder) {
            this.code = code;
            this.holder = holder;
        }
    }

    interface Accounts extends CrudRepository<Account, String> {
    }

    interface Tickets extends CrudRepository<Ticket, String> {
    }

    interface Badges extends CrudRepository<Badge, String> {
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private Accounts accounts;
    private Tickets tickets;
    private Badges badges;

    NewEntityDetectionIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTables() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Account.class, Ticket.class, Badge.class);
        engine.createAll(Account.class, Ticket.class, Badge.class);
        RepositoryFactory factory = RepositoryFactory.of(engine.sessionFactory());
        accounts = factory.create(Accounts.class);
        tickets = factory.create(Tickets.class);
        badges = factory.create(Badges.class);
        engine.addStatementListener((sql, rows, nanos) -> statements.add(rows > 1 ? sql + " [x" + rows + "]" : sql));
    }

    @AfterEach
    void dropTables() {
        engine.dropAll(Account.class, Ticket.class, Badge.class);
    }

    @Test
    void aNewPersistableIsInsertedWithoutLookingForItsRow() {
        accounts.save(new Account("a-1", "ann"));

        assertThat(statements).as("on %s", db).containsExactly(
                "insert into ned_account (code, owner) values (?, ?)");
    }

    @Test
    void aSecondSaveOfANewPersistableWithAnExistingIdIsADuplicateKeyNotAMerge() {
        Account first = accounts.save(new Account("a-1", "ann"));

        assertThatThrownBy(() -> accounts.save(new Account("a-1", "bob")))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThatThrownBy(() -> accounts.save(first)).as("the same object, still new to itself")
                .isInstanceOf(ConstraintViolationException.class);
        assertThat(accounts.findById("a-1")).get().extracting(account -> account.owner).isEqualTo("ann");
    }

    @Test
    void aPersistableThatIsNotNewIsMergedIntoItsRow() {
        accounts.save(new Account("a-1", "ann"));
        Account loaded = accounts.findById("a-1").orElseThrow();
        assertThat(loaded.isNew()).isFalse();
        loaded.owner = "bob";
        statements.clear();

        accounts.save(loaded);

        assertThat(statements).as("on %s", db).containsExactly(
                "select code, owner from ned_account where code = ?",
                "update ned_account set owner = ? where code = ?");
        assertThat(accounts.findById("a-1")).get().extracting(account -> account.owner).isEqualTo("bob");
    }

    @Test
    void saveAllInsertsTheNewOnesInOneBatchAndMergesTheOthers() {
        accounts.save(new Account("a-1", "ann"));
        Account loaded = accounts.findById("a-1").orElseThrow();
        loaded.owner = "anne";
        statements.clear();

        accounts.saveAll(List.of(loaded, new Account("a-2", "bob"), new Account("a-3", "cy")));

        assertThat(statements).as("on %s", db).containsExactly(
                "select code, owner from ned_account where code = ?",
                "insert into ned_account (code, owner) values (?, ?) [x2]",
                "update ned_account set owner = ? where code = ?");
        assertThat(accounts.count()).isEqualTo(3);
    }

    @Test
    void theSessionMergesANewPersistableByInsertingIt() {
        try (Session session = engine.openSession()) {
            assertThat(session.stateOf(new Account("a-1", "ann"))).isEqualTo(ObjectState.TRANSIENT);
            session.merge(new Account("a-1", "ann"));
            session.commit();
        }
        assertThat(statements).containsExactly("insert into ned_account (code, owner) values (?, ?)");
        try (Session session = engine.openSession()) {
            Account loaded = session.get(Account.class, "a-1");
            session.expunge(loaded);
            assertThat(session.stateOf(loaded)).isEqualTo(ObjectState.DETACHED);
            session.merge(new Account("a-1", "bob"));
            assertThatThrownBy(session::commit).isInstanceOfSatisfying(ConstraintViolationException.class,
                    e -> assertThat(e.isDuplicateKey()).isTrue());
        }
    }

    @Test
    void aPrimitiveVersionStartsAtOneSoASavedObjectIsNoLongerNew() {
        Ticket ticket = tickets.save(new Ticket("t-1", "printer"));
        assertThat(ticket.version).as("0 would mean new").isEqualTo(1);
        ticket.title = "printer jam";
        statements.clear();

        tickets.save(ticket);

        assertThat(statements).as("on %s", db).containsExactly(
                "select code, title, version from ned_ticket where code = ?",
                "update ned_ticket set title = ?, version = ? where code = ? and version = ?");
        assertThat(tickets.findById("t-1")).get().satisfies(stored -> {
            assertThat(stored.title).isEqualTo("printer jam");
            assertThat(stored.version).isEqualTo(2);
        });
        assertThatThrownBy(() -> tickets.save(new Ticket("t-1", "other"))).as("version 0: new")
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
    }

    @Test
    void aNullVersionIsNewAndStartsAtZero() {
        Badge badge = badges.save(new Badge("b-1", "ann"));
        assertThat(badge.version).isZero();
        badge.holder = "bob";
        assertThat(badges.save(badge).version).isEqualTo(1);

        statements.clear();
        assertThatThrownBy(() -> badges.save(new Badge("b-1", "cy")))
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        assertThat(statements).as("no SELECT first (a listener hears of statements that succeed)").isEmpty();
        assertThat(badges.findById("b-1")).get().extracting(stored -> stored.holder).isEqualTo("bob");
    }

    @Test
    void aRolledBackInsertLeavesTheObjectNewAgain() {
        Ticket ticket = new Ticket("t-1", "printer");
        Badge badge = new Badge("b-1", "ann");
        try (Session session = engine.openSession()) {
            session.addAll(ticket, badge);
            session.flush();
            assertThat(ticket.version).isEqualTo(1);
            assertThat(badge.version).isZero();
            session.rollback();
            assertThat(session.stateOf(ticket)).isEqualTo(ObjectState.TRANSIENT);
        }
        assertThat(ticket.version).isZero();
        assertThat(badge.version).isNull();

        tickets.save(ticket);
        badges.save(badge);

        assertThat(tickets.count()).isOne();
        assertThat(badges.count()).isOne();
    }
}
