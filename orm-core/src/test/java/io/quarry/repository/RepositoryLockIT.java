package io.quarry.repository;

import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.LockFailureException;
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code @Lock} on derived find methods: the rows read stay locked until the calling transaction ends
 * (another transaction cannot take them), NOWAIT fails at once, SKIP LOCKED passes over held rows, a
 * shared lock keeps writers out; and what cannot be locked plainly is refused when the repository is built.
 */
@CrossDatabaseTest
class RepositoryLockIT {

    @Entity
    @Table(name = "lk_branch")
    static class Branch {
        @Id @GeneratedValue Long id;
        String name;

        Branch() {
        }

        Branch(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "lk_account")
    static class Account {
        @Id @GeneratedValue Long id;
        @Column(unique = true, nullable = false, length = 16) String number;   // InnoDB locks what it scans: an index
        long balance;
        @ManyToOne Branch branch;

        Account() {
        }

        Account(String number, long balance, Branch branch) {
            this.number = number;
            this.balance = balance;
            this.branch = branch;
        }
    }

    interface AccountRepository extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        Optional<Account> findByNumber(String number);

        @Lock(LockMode.PESSIMISTIC_WRITE_NOWAIT)
        Optional<Account> readByNumber(String number);

        @Lock(LockMode.PESSIMISTIC_WRITE_SKIP_LOCKED)
        List<Account> findByBalanceGreaterThanOrderByNumber(long balance);

        @Lock(LockMode.PESSIMISTIC_READ)
        List<Account> findByBranchOrderByNumber(Branch branch);
    }

    interface LockedCount extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        long countByNumber(String number);
    }

    interface LockedDistinct extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        List<Account> findDistinctByBalance(long balance);
    }

    interface LockedJoin extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        List<Account> findByBranchName(String name);
    }

    interface LockedOrder extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        List<Account> findByBalanceOrderByBranchNameAsc(long balance);
    }

    interface LockedQuery extends CrudRepository<Account, Long> {
        @Lock(LockMode.PESSIMISTIC_WRITE)
        @Query("select * from lk_account where number = :number")
        List<Account> byNumber(@Param("number") String number);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RepositoryFactory factory;
    private AccountRepository accounts;
    private Branch main;

    RepositoryLockIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createAccounts() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Account.class, Branch.class);
        engine.createAll(Account.class, Branch.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        accounts = factory.create(AccountRepository.class);
        main = new Branch("main");
        accounts.saveAll(List.of(new Account("A", 10, main), new Account("B", 20, main), new Account("C", 30, null)));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropAccounts() {
        engine.dropAll(Account.class, Branch.class);
    }

    /** Whether another transaction can lock the row of account {@code number} at once. */
    private boolean othersCanLock(String number) {
        try (Session other = engine.openSession()) {
            other.query(Account.class).filter(col("number").eq(number)).forUpdateNowait().all();
            other.rollback();
            return true;
        } catch (LockFailureException held) {
            return false;
        }
    }

    @Test
    void aWriteLockHoldsTheRowUntilTheCallingTransactionEnds() {
        factory.context().inTransaction(session -> {
            assertThat(accounts.findByNumber("A")).isPresent();

            assertThat(othersCanLock("A")).as("A is locked by the repository's transaction on %s", db).isFalse();
            assertThat(othersCanLock("B")).as("only the row read").isTrue();
            return null;
        });

        assertThat(othersCanLock("A")).as("released at commit").isTrue();
        assertThat(statements.get(0)).endsWith(" for update");
    }

    @Test
    void nowaitFailsAtOnceWhenAnotherTransactionHoldsTheRow() {
        try (Session holder = engine.openSession()) {
            holder.query(Account.class).filter(col("number").eq("A")).forUpdate().all();

            assertThatThrownBy(() -> accounts.readByNumber("A")).as("on %s", db).isInstanceOf(LockFailureException.class);
            holder.rollback();
        }
        assertThat(accounts.readByNumber("A")).isPresent();
    }

    @Test
    void skipLockedPassesOverRowsAnotherTransactionHolds() {
        try (Session holder = engine.openSession()) {
            holder.query(Account.class).filter(col("number").eq("B")).forUpdate().all();

            assertThat(accounts.findByBalanceGreaterThanOrderByNumber(0)).as("on %s", db)
                    .extracting(account -> account.number).containsExactly("A", "C");
            holder.rollback();
        }
    }

    @Test
    void aSharedLockKeepsOtherWritersOutAndFiltersByTheForeignKeyWithoutAJoin() {
        factory.context().inTransaction(session -> {
            assertThat(accounts.findByBranchOrderByNumber(main)).extracting(account -> account.number)
                    .containsExactly("A", "B");

            assertThat(othersCanLock("B")).as("B is share-locked on %s", db).isFalse();
            assertThat(othersCanLock("C")).isTrue();
            return null;
        });
        assertThat(statements.get(0)).doesNotContain(" join ")
                .endsWith(engine.dialect().lockClause(io.quarry.dialect.RowLock.SHARE));
    }

    @Test
    void whatCannotBeLockedPlainlyIsRefusedWhenTheRepositoryIsBuilt() {
        assertThatThrownBy(() -> factory.create(LockedCount.class)).isInstanceOf(QueryCreationException.class)
                .hasMessage("Cannot create query for method [LockedCount.countByNumber]; @Lock(PESSIMISTIC_WRITE) locks "
                        + "the rows a find method reads; a count query returns none to lock. Remove it, or lock with a "
                        + "findBy method in the same transaction");
        assertThatThrownBy(() -> factory.create(LockedDistinct.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("cannot lock the rows of a Distinct query");
        assertThatThrownBy(() -> factory.create(LockedJoin.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("@Lock(PESSIMISTIC_WRITE) on a condition through a reference ('branch.name')")
                .hasMessageContaining("filter by the foreign key instead (branchId, or the entity itself)");
        assertThatThrownBy(() -> factory.create(LockedOrder.class)).isInstanceOf(QueryCreationException.class)
                .hasMessage("Cannot create query for method [LockedOrder.findByBalanceOrderByBranchNameAsc]; "
                        + "@Lock(PESSIMISTIC_WRITE) with OrderBy through a reference ('branchName') would join and lock "
                        + "another table; order by the entity's own properties");
        assertThatThrownBy(() -> factory.create(LockedQuery.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("@Lock does not rewrite @Query SQL");
        assertThat(statements).as("nothing sent").isEmpty();
    }
}
