package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.insertHost;
import static io.quarry.spring.it.SharedSessionIT.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.ConstraintViolationException;
import io.quarry.NoResultException;
import io.quarry.session.Session;
import io.quarry.session.SessionFactory;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Quarry's exceptions leave Spring-managed calls as Spring's DataAccessExceptions, on every test database. */
@CrossDatabaseTest
class ExceptionTranslationIT {

    private final TestDatabase db;

    ExceptionTranslationIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account", "spring_voucher");
    }

    @Test
    void aDuplicateKeyAtFlushIsADuplicateKeyException() {
        QuarryContext.on(db).run(context -> {
            insertHost(context, "web-1");
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status -> {
                session.add(new Host("web-1", 22));
                session.flush();
            })).isInstanceOf(DuplicateKeyException.class)
                    .hasMessageContaining("flush")
                    .hasCauseInstanceOf(ConstraintViolationException.class);
        });
    }

    @Test
    void aDuplicateKeyAtCommitIsADuplicateKeyExceptionToo() {
        QuarryContext.on(db).run(context -> {
            insertHost(context, "web-1");
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                    session.add(new Host("web-1", 22)))).isInstanceOf(DuplicateKeyException.class);
            assertThatThrownBy(() -> context.getBean(JdbcTemplate.class).queryForObject(
                    "select id from spring_host where port = 23", Long.class))
                    .isInstanceOf(EmptyResultDataAccessException.class);
        });
    }

    @Test
    void aSecondSaveOfANewObjectWithAnExistingIdIsADuplicateKeyExceptionNotAMerge() {
        QuarryContext.withEntities(db, Voucher.class).run(context -> {
            Session session = context.getBean(Session.class);
            transactions(context).executeWithoutResult(status -> session.merge(new Voucher("v-1", 10)));

            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                    session.merge(new Voucher("v-1", 20)))).as("version 0: new, inserted without a SELECT")
                    .isInstanceOf(DuplicateKeyException.class);
            assertThat(context.getBean(JdbcTemplate.class).queryForObject(
                    "select amount from spring_voucher where code = 'v-1'", Long.class)).isEqualTo(10);
        });
    }

    /** An assigned id and a primitive version: 0 means new, the insert starts it at 1. */
    @io.quarry.mapping.Entity
    @io.quarry.mapping.Table(name = "spring_voucher")
    static class Voucher {
        @io.quarry.mapping.Id @io.quarry.mapping.Column(length = 16) String code;
        long amount;
        @io.quarry.mapping.Version long version;

        Voucher() {
        }

        Voucher(String code, long amount) {
            this.code = code;
            this.amount = amount;
        }
    }

    @Test
    void aNotNullViolationIsADataIntegrityViolation() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                    session.add(new Host(null, 22)))).isInstanceOf(DataIntegrityViolationException.class)
                    .isNotInstanceOf(DuplicateKeyException.class);
        });
    }

    @Test
    void aVersionConflictIsAnOptimisticLockingFailure() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.update("insert into spring_account (owner, balance, version) values ('ann', 10, 0)");

            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status -> {
                Account account = session.query(Account.class).one();
                jdbc.update("update spring_account set version = version + 1");
                account.setBalance(20);
            })).isInstanceOf(OptimisticLockingFailureException.class);
        });
    }

    @Test
    void noOrTooManyResultsAreIncorrectResultSizeExceptions() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);
            insertHost(context, "web-1");
            insertHost(context, "web-2");

            assertThatThrownBy(() -> session.query(Host.class).filterBy("hostname", "nope").one())
                    .isInstanceOf(EmptyResultDataAccessException.class).hasMessageContaining("No Host matches");
            assertThatThrownBy(() -> session.query(Host.class).one())
                    .isInstanceOf(IncorrectResultSizeDataAccessException.class)
                    .isNotInstanceOf(EmptyResultDataAccessException.class);
            assertThatThrownBy(() -> transactions(context).executeWithoutResult(status ->
                    session.query(Host.class).filterBy("hostname", "nope").one()))
                    .isInstanceOf(EmptyResultDataAccessException.class);
        });
    }

    @Test
    void badSqlIsABadSqlGrammarException() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> session.sqlRows("select * from spring_no_such_table", java.util.Map.of()))
                    .isInstanceOf(BadSqlGrammarException.class)
                    .hasMessageContaining("spring_no_such_table");
        });
    }

    @Test
    void parametersInCommentsAndStringsAreTextNotAMisleadingDataIntegrityViolation() {
        QuarryContext.on(db).run(context -> {
            insertHost(context, "web-1");
            Session session = context.getBean(Session.class);

            assertThat(session.sqlRows(
                    "select hostname from spring_host /* :n */ where hostname = :h or hostname = ':h'",
                    java.util.Map.of("h", "web-1", "n", 1))).extracting(row -> row.getString(0)).containsExactly("web-1");
            assertThatThrownBy(() -> session.sqlRows("select hostname from spring_host where hostname = 'web-1",
                    java.util.Map.of())).isInstanceOf(InvalidDataAccessApiUsageException.class)
                    .hasMessageContaining("unterminated string literal starting at offset 50");
        });
    }

    @Test
    void misuseIsAnInvalidDataAccessApiUsageException() {
        QuarryContext.on(db).run(context -> {
            Session session = context.getBean(Session.class);

            assertThatThrownBy(() -> session.query(Host.class).filterBy("hostnme", "web-1"))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class).hasMessageContaining("hostname");
            assertThatThrownBy(() -> session.get(String.class, 1))
                    .isInstanceOf(InvalidDataAccessApiUsageException.class);
        });
    }

    @Test
    void repositoryBeansGetTheirQuarryExceptionsTranslated() {
        QuarryContext.on(db).withUserConfiguration(Repositories.class).run(context ->
                assertThatThrownBy(() -> context.getBean(HandWrittenRepository.class).findOne("nope"))
                        .isInstanceOf(EmptyResultDataAccessException.class)
                        .hasCauseInstanceOf(NoResultException.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class Repositories {

        @Bean
        HandWrittenRepository handWrittenRepository(SessionFactory factory) {
            return new HandWrittenRepository(factory);
        }
    }

    /** A repository that opens sessions of its own, so its exceptions are Quarry's until the proxy translates them. */
    @Repository
    static class HandWrittenRepository {

        private final SessionFactory factory;

        HandWrittenRepository(SessionFactory factory) {
            this.factory = factory;
        }

        public Host findOne(String hostname) {
            try (Session session = factory.openSession()) {
                return session.query(Host.class).filterBy("hostname", hostname).one();
            }
        }
    }
}
