package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.SoftDelete;
import io.quarry.mapping.Table;
import io.quarry.session.Query;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Soft deletes through the shared {@code Session} bean: a delete in a transaction marks the row, reads
 * outside one (short sessions, a query kept and run twice) leave it out unless they include it, and
 * {@code hardDelete} removes it.
 */
@CrossDatabaseTest
class SoftDeleteSharedSessionIT {

    @Entity
    @Table(name = "spring_ticket")
    static class Ticket {
        @Id @GeneratedValue Long id;
        @Column(length = 40) String title;
        @SoftDelete OffsetDateTime closedAt;

        Ticket() {
        }

        Ticket(String title) {
            this.title = title;
        }
    }

    private final TestDatabase db;

    SoftDeleteSharedSessionIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTable() {
        db.dropTablesQuietly("spring_ticket");
    }

    @Test
    void aDeleteMarksTheRowAndReadsOutsideTheTransactionLeaveItOutUnlessIncluded() {
        QuarryContext.withEntities(db, Ticket.class).run(context -> {
            Session session = context.getBean(Session.class);
            transactions(context).executeWithoutResult(status -> {
                session.add(new Ticket("printer"));
                session.add(new Ticket("coffee"));
            });
            transactions(context).executeWithoutResult(status ->
                    session.delete(session.query(Ticket.class).filterBy("title", "printer").one()));

            Query<Ticket> all = session.query(Ticket.class).includeDeleted();
            assertThat(session.query(Ticket.class).count()).as("on %s", db).isOne();
            assertThat(all.count()).isEqualTo(2);
            assertThat(all.count()).as("the same query again, in a new short session").isEqualTo(2);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from spring_ticket where closed_at is not null", Long.class))
                    .isOne();

            transactions(context).executeWithoutResult(status ->
                    session.hardDelete(session.query(Ticket.class).includeDeleted().filterBy("title", "printer").one()));
            assertThat(jdbc.queryForObject("select count(*) from spring_ticket", Long.class)).isOne();
            Integer removed = transactions(context).execute(status ->
                    session.query(Ticket.class).includeDeleted().filterBy("title", "coffee").hardDelete());
            assertThat(removed).isOne();
            assertThat(jdbc.queryForObject("select count(*) from spring_ticket", Long.class)).isZero();
        });
    }
}
