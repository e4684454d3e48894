package io.quarry.softdelete;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.IncludeDeleted;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Pageable;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.Param;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.Query;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @SoftDelete} through repositories: every inherited and derived delete marks rows (one UPDATE
 * where a delete was one DELETE), every derived, example and predicate read leaves them out, count and
 * paging included, {@code @IncludeDeleted} reads them and updates reach them, native {@code @Query} SQL is
 * not rewritten, and misplaced {@code @IncludeDeleted} stops the repository from being built.
 */
@CrossDatabaseTest
class SoftDeleteRepositoryIT {

    interface Memos extends PagingAndSortingRepository<Memo, Long>, QueryByExampleExecutor<Memo>,
            PredicateExecutor<Memo> {
        List<Memo> findByOwnerOrderByTitle(String owner);

        long countByOwner(String owner);

        boolean existsByTitle(String title);

        Page<Memo> findByOwner(String owner, Pageable page);

        long deleteByOwner(String owner);

        List<Memo> removeByTitle(String title);

        @IncludeDeleted
        List<Memo> readByOwnerOrderByTitle(String owner);

        @IncludeDeleted
        long countBy();

        @IncludeDeleted
        int updateDeletedAtByTitle(Instant deletedAt, String title);

        @Query("select * from sd_memo where owner = :owner order by title")
        List<Memo> nativeByOwner(@Param("owner") String owner);
    }

    @Entity
    @Table(name = "sd_plain")
    static class Plain {
        @Id @GeneratedValue Long id;
        String name;
    }

    interface PlainIncludingDeleted extends CrudRepository<Plain, Long> {
        @IncludeDeleted
        List<Plain> findByName(String name);
    }

    interface DeleteIncludingDeleted extends CrudRepository<Memo, Long> {
        @IncludeDeleted
        long deleteByOwner(String owner);
    }

    interface QueryIncludingDeleted extends CrudRepository<Memo, Long> {
        @IncludeDeleted
        @Query("select * from sd_memo")
        List<Memo> everything();
    }

    interface InheritedIncludingDeleted extends CrudRepository<Memo, Long> {
        @IncludeDeleted
        @Override
        List<Memo> findAll();
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RepositoryFactory factory;
    private Memos memos;

    SoftDeleteRepositoryIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createMemos() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Memo.class);
        engine.createAll(Memo.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        memos = factory.create(Memos.class);
        memos.saveAll(List.of(new Memo("a", "ann"), new Memo("b", "ann"), new Memo("c", "bob")));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(rows > 1 ? sql + " [x" + rows + "]" : sql));
    }

    @AfterEach
    void dropMemos() {
        engine.dropAll(Memo.class);
    }

    @Test
    void deleteOfAnEntityMarksItAndEveryReadLeavesItOut() {
        Memo a = memos.findByOwnerOrderByTitle("ann").get(0);
        statements.clear();

        memos.delete(a);

        assertThat(statements).as("on %s", db).containsExactly(
                "select id, title, owner, deleted_at, version from sd_memo where (id = ? and deleted_at is null)",
                "update sd_memo set deleted_at = ?, version = ? where id = ? and version = ?");
        assertThat(memos.findAll()).extracting(Memo::getTitle).containsExactlyInAnyOrder("b", "c");
        assertThat(memos.findById(a.id)).isEmpty();
        assertThat(memos.existsById(a.id)).isFalse();
        assertThat(memos.count()).isEqualTo(2);
        assertThat(memos.findByOwnerOrderByTitle("ann")).extracting(Memo::getTitle).containsExactly("b");
        assertThat(memos.countByOwner("ann")).isOne();
        assertThat(memos.existsByTitle("a")).isFalse();
        Page<Memo> page = memos.findByOwner("ann", PageRequest.of(0, 1));
        assertThat(page.getTotalElements()).isOne();
        assertThat(page.getContent()).extracting(Memo::getTitle).containsExactly("b");
        Memo probe = new Memo(null, "ann");
        assertThat(memos.findAll(Example.of(probe, ExampleMatcher.matching().withIgnorePaths("version"))))
                .extracting(Memo::getTitle).containsExactly("b");
        assertThat(memos.count(col(Memo::getOwner).eq("ann"))).isOne();
        assertThat(memos.findAll(col(Memo::getTitle).eq("a"))).isEmpty();
        assertThat(memos.nativeByOwner("ann")).as("native SQL is not rewritten").extracting(Memo::getTitle)
                .containsExactly("a", "b");
    }

    @Test
    void deletesByIdAndByConditionAreOneUpdateEach() {
        Long a = memos.findByOwnerOrderByTitle("ann").get(0).id;
        statements.clear();

        memos.deleteById(a);
        assertThat(memos.deleteByOwner("ann")).as("b; a is already marked").isOne();
        assertThat(memos.delete(col(Memo::getOwner).eq("bob"))).isOne();
        memos.deleteAll();

        assertThat(statements).as("on %s", db).containsExactly(
                "update sd_memo set deleted_at = ? where (id = ? and deleted_at is null)",
                "update sd_memo set deleted_at = ? where (owner = ? and deleted_at is null)",
                "update sd_memo set deleted_at = ? where (owner = ? and deleted_at is null)",
                "update sd_memo set deleted_at = ? where deleted_at is null");
        assertThat(memos.count()).isZero();
        assertThat(memos.countBy()).isEqualTo(3);
    }

    @Test
    void aDeleteReturningItsRowsMarksThemThroughTheSession() {
        statements.clear();

        assertThat(memos.removeByTitle("c")).extracting(Memo::getOwner).containsExactly("bob");

        assertThat(statements).as("on %s", db).hasSize(2);
        assertThat(statements.get(0)).startsWith("select").contains("deleted_at is null");
        assertThat(statements.get(1)).isEqualTo("update sd_memo set deleted_at = ?, version = ? where id = ? and version = ?");
        assertThat(memos.removeByTitle("c")).isEmpty();
    }

    @Test
    void includeDeletedReadsMarkedRowsAndAnUpdateRestoresOne() {
        memos.deleteByOwner("ann");

        assertThat(memos.readByOwnerOrderByTitle("ann")).extracting(Memo::getTitle).containsExactly("a", "b");
        assertThat(memos.readByOwnerOrderByTitle("ann")).allSatisfy(memo -> assertThat(memo.getDeletedAt()).isNotNull());
        assertThat(memos.countBy()).isEqualTo(3);
        statements.clear();
        assertThat(memos.updateDeletedAtByTitle(null, "a")).isOne();
        assertThat(statements).containsExactly("update sd_memo set deleted_at = ? where title = ?");
        assertThat(memos.findByOwnerOrderByTitle("ann")).extracting(Memo::getTitle).containsExactly("a");
    }

    @Test
    void includeDeletedWhereItCannotApplyStopsTheRepositoryNamingTheFix() {
        assertThatThrownBy(() -> factory.create(PlainIncludingDeleted.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("PlainIncludingDeleted.findByName")
                .hasMessageContaining("@IncludeDeleted: Plain has no @SoftDelete property, so no row is ever marked "
                        + "deleted; remove @IncludeDeleted");
        assertThatThrownBy(() -> factory.create(DeleteIncludingDeleted.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("DeleteIncludingDeleted.deleteByOwner")
                .hasMessageContaining("@IncludeDeleted: a derived delete marks rows deleted and would mark them again; "
                        + "to remove rows for good use Session.hardDelete or query(...).hardDelete()");
        assertThatThrownBy(() -> factory.create(QueryIncludingDeleted.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("@IncludeDeleted: @Query SQL is never rewritten");
        assertThatThrownBy(() -> factory.create(InheritedIncludingDeleted.class))
                .isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("@IncludeDeleted: it applies to derived queries, not to the inherited findAll; "
                        + "declare a derived one with it, e.g. '@IncludeDeleted List<Memo> findBy()'");
    }

    @Test
    void aSessionOfTheCallerSeesTheRepositoryDeleteAtOnce() {
        try (Session session = engine.openSession()) {
            Memo a = session.query(Memo.class).filterBy("title", "a").one();
            session.delete(a);
            assertThat(session.query(Memo.class).count()).as("autoflushed before the count").isEqualTo(2);
            session.commit();
        }
        assertThat(memos.count()).isEqualTo(2);
    }
}
