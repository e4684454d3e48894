package io.quarry.softdelete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The unique-constraint trap of soft deletes and the README's fixes, on each database: a plain unique
 * constraint refuses to re-create a deleted row; a unique index among live rows (PostgreSQL: a partial
 * index; MySQL, MariaDB and H2: a generated column that holds the key only while the row is live) lets it
 * and still refuses two live rows.
 */
@CrossDatabaseTest
class UniqueAmongLiveRowsIT {

    @Entity
    @Table(name = "sd_customer")
    static class Customer {
        @Id @GeneratedValue Long id;
        @Column(length = 80) String email;
        @SoftDelete Instant deletedAt;

        Customer() {
        }

        Customer(String email) {
            this.email = email;
        }
    }

    @Entity
    @Table(name = "sd_customer")
    static class UniqueCustomer {
        @Id @GeneratedValue Long id;
        @Column(length = 80, unique = true) String email;
        @SoftDelete Instant deletedAt;

        UniqueCustomer() {
        }

        UniqueCustomer(String email) {
            this.email = email;
        }
    }

    private final TestDatabase db;
    private Engine engine;

    UniqueAmongLiveRowsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void dropTable() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Customer.class);
    }

    @AfterEach
    void dropTableAgain() {
        engine.dropAll(Customer.class);
    }

    @Test
    void aPlainUniqueConstraintRefusesToCreateARowLikeADeletedOne() {
        engine.createAll(UniqueCustomer.class);
        addThenDelete(new UniqueCustomer("ann@example.com"));

        assertThatThrownBy(() -> add(new UniqueCustomer("ann@example.com"))).as("on %s", db)
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
    }

    @Test
    void aUniqueIndexAmongLiveRowsLetsItAndStillRefusesTwoLiveRows() {
        engine.createAll(Customer.class);
        try (Session session = engine.openSession()) {
            if (db.name().equals("postgresql")) {
                session.execute("create unique index ux_sd_customer_email_live on sd_customer (email) "
                        + "where deleted_at is null");
            } else if (db.name().equals("mysql")) {
                session.execute("alter table sd_customer add column email_live varchar(80) "
                        + "as (case when deleted_at is null then email end) stored");
                session.execute("create unique index ux_sd_customer_email_live on sd_customer (email_live)");
            } else {
                session.execute("alter table sd_customer add column email_live varchar(80) "
                        + "generated always as (case when deleted_at is null then email end)");
                session.execute("create unique index ux_sd_customer_email_live on sd_customer (email_live)");
            }
            session.commit();
        }
        addThenDelete(new Customer("ann@example.com"));
        addThenDelete(new Customer("ann@example.com"));
        add(new Customer("ann@example.com"));

        assertThatThrownBy(() -> add(new Customer("ann@example.com"))).as("on %s", db)
                .isInstanceOfSatisfying(ConstraintViolationException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        io.quarry.schema.SchemaManager schema = io.quarry.schema.SchemaManager.of(engine);
        assertThat(schema.differences(java.util.List.of(Customer.class))).as("validate ignores the extra column, on %s", db).isEmpty();
        io.quarry.schema.MigrationScript script = schema.migrationScript(Customer.class);
        assertThat(script.statements()).as("a migration applies nothing, on %s", db).isEmpty();
        if (!db.name().equals("postgresql")) {
            assertThat(script.sql()).contains("-- alter table sd_customer drop column email_live;");
        }
        try (Session session = engine.openSession()) {
            assertThat(session.query(Customer.class).count()).isOne();
            assertThat(session.query(Customer.class).includeDeleted().count()).isEqualTo(3);
        }
    }

    private void add(Object customer) {
        try (Session session = engine.openSession()) {
            session.add(customer);
            session.commit();
        }
    }

    private void addThenDelete(Object customer) {
        try (Session session = engine.openSession()) {
            session.add(customer);
            session.flush();
            session.delete(customer);
            session.commit();
        }
    }
}
