package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An entity whose one column is its generated id: its rows are inserted as defaults only, on every database. */
@CrossDatabaseTest
class IdOnlyEntityIT {

    @Entity
    @Table(name = "s3_ticket")
    static class Ticket {
        @Id @GeneratedValue Long id;
    }

    private final TestDatabase db;
    private final RecordedStatements statements = new RecordedStatements();
    private Engine engine;

    IdOnlyEntityIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createTable() {
        engine = Engine.builder(db.dataSource()).statementListener(statements).build();
        engine.dropAll(Ticket.class);
        engine.createAll(Ticket.class);
        statements.take();
    }

    @AfterEach
    void dropTable() {
        engine.dropAll(Ticket.class);
    }

    @Test
    void newObjectsWithNothingButAGeneratedIdAreInsertedInOneBatchAndGetTheirIds() {
        Ticket first = new Ticket();
        Ticket second = new Ticket();
        try (Session session = engine.openSession()) {
            session.addAll(first, second);
            session.commit();
        }
        assertThat(statements.take()).as("on %s", db).containsExactly(db.name().equals("mysql")
                ? "insert into s3_ticket () values () [x2]" : "insert into s3_ticket default values [x2]");
        assertThat(first.id).isNotNull();
        assertThat(second.id).isNotNull().isNotEqualTo(first.id);
        try (Session session = engine.openSession()) {
            List<Ticket> read = session.query(Ticket.class).all();
            assertThat(read).extracting(ticket -> ticket.id).containsExactlyInAnyOrder(first.id, second.id);
        }
    }
}
