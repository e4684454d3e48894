package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NonUniqueResultException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Derived deletes that return what they removed, as Spring Data's {@code List<T> deleteBy...}: one locking
 * SELECT and one DELETE batch, whatever the number of rows; a single-result delete that matches two rows
 * fails before deleting anything.
 */
@CrossDatabaseTest
class DeleteReturningIT {

    @Entity
    @Table(name = "dr_job")
    static class Job {
        @Id @GeneratedValue Long id;
        @Column(unique = true, nullable = false, length = 32) String name;
        @Column(nullable = false, length = 16) String queue;

        Job() {
        }

        Job(String name, String queue) {
            this.name = name;
            this.queue = queue;
        }
    }

    interface JobRepository extends CrudRepository<Job, Long> {
        List<Job> deleteByQueueStartingWith(String prefix);

        Optional<Job> deleteByName(String name);

        Job removeByQueue(String queue);

        long deleteByQueue(String queue);
    }

    interface WrongReturn extends CrudRepository<Job, Long> {
        List<String> deleteByQueue(String queue);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RepositoryFactory factory;
    private JobRepository jobs;

    DeleteReturningIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createJobs() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Job.class);
        engine.createAll(Job.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        jobs = factory.create(JobRepository.class);
        jobs.saveAll(List.of(new Job("a", "mail"), new Job("b", "mail"), new Job("c", "mail"), new Job("d", "print")));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropJobs() {
        engine.dropAll(Job.class);
    }

    @Test
    void aListDeleteReturnsTheRemovedRowsWithOneLockingSelectAndOneDelete() {
        List<Job> removed = jobs.deleteByQueueStartingWith("ma");

        assertThat(removed).extracting(job -> job.name).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(removed).allSatisfy(job -> assertThat(job.id).isNotNull());
        assertThat(statements).as("on %s", db).satisfiesExactly(
                sql -> assertThat(sql).startsWith("select").contains("from dr_job where queue like ?")
                        .endsWith(engine.dialect().lockClause(io.quarry.dialect.RowLock.UPDATE)),
                sql -> assertThat(sql).startsWith("delete from dr_job where id = ?"));
        assertThat(jobs.findAll()).extracting(job -> job.name).containsExactly("d");
    }

    @Test
    void anOptionalDeleteReturnsTheRowOrEmpty() {
        assertThat(jobs.deleteByName("d")).get().extracting(job -> job.queue).isEqualTo("print");
        assertThat(jobs.deleteByName("d")).isEmpty();
        assertThat(jobs.count()).isEqualTo(3);
    }

    @Test
    void aSingleResultDeleteMatchingTwoRowsFailsBeforeDeletingAnything() {
        assertThatThrownBy(() -> jobs.removeByQueue("mail")).isInstanceOf(NonUniqueResultException.class)
                .hasMessage("JobRepository.removeByQueue matched 3 rows but returns Job; nothing was deleted. Return a "
                        + "List, or add conditions that match one row");

        assertThat(statements).as("the SELECT only").hasSize(1);
        assertThat(jobs.count()).isEqualTo(4);
        assertThat(jobs.removeByQueue("print").name).isEqualTo("d");
    }

    @Test
    void aCountingDeleteStaysOneStatement() {
        assertThat(jobs.deleteByQueue("mail")).isEqualTo(3);
        assertThat(statements).filteredOn(sql -> sql.startsWith("delete")).containsExactly(
                "delete from dr_job where queue = ?");
    }

    @Test
    void aDeleteReturningSomethingElseIsRefusedNamingWhatItMayReturn() {
        assertThatThrownBy(() -> factory.create(WrongReturn.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("declare int, long or void, not List<String> (a delete may also return what it "
                        + "removed: List<Job>, Job or Optional<Job>)");
    }
}
