package io.quarry.spring.it;

import static io.quarry.spring.it.SharedSessionIT.count;
import static io.quarry.spring.it.SharedSessionIT.transactions;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.quarry.reliability.InjectionCorpus;
import io.quarry.reliability.SqlRecorder;
import io.quarry.repository.PageRequest;
import io.quarry.repository.Sort;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.spring.it.inject.HostQueries;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoriesAutoConfiguration;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.annotation.Configuration;

/**
 * The injection corpus through what a Spring application calls: repository beans (derived methods,
 * {@code @Query}, Sort and Pageable) and the shared {@link Session} bean. Values are found as exactly
 * themselves, names are refused before any SQL runs, and no payload reaches SQL text.
 */
@CrossDatabaseTest
@Tag("reliability")
class SpringInjectionCorpusIT {

    /** What fits {@link Host}'s 64-character hostname. */
    private static final List<String> VALUES = InjectionCorpus.VALUES.stream().filter(value -> value.length() <= 64)
            .toList();

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = HostQueries.class)
    static class Repositories {
    }

    private final TestDatabase db;

    SpringInjectionCorpusIT(TestDatabase db) {
        this.db = db;
    }

    @AfterEach
    void dropTables() {
        db.dropTablesQuietly("spring_host", "spring_account");
    }

    @Test
    void hostileValuesAndNamesThroughRepositoryBeansAndTheSessionBeanNeverReachSqlText() {
        SqlRecorder recorder = new SqlRecorder();
        QuarryContext.on(db, recorder.wrap(db.dataSource()))
                .withConfiguration(AutoConfigurations.of(QuarryRepositoriesAutoConfiguration.class))
                .withUserConfiguration(Repositories.class)
                .run(context -> {
                    context.getBean(Engine.class).addStatementListener(recorder);
                    HostQueries hosts = context.getBean(HostQueries.class);
                    Session session = context.getBean(Session.class);
                    for (int i = 0; i < VALUES.size(); i++) {
                        hosts.save(new Host(VALUES.get(i), i));
                    }

                    int calls = 0;
                    for (String value : VALUES) {
                        assertThat(hosts.findByHostname(value).getHostname()).as("on %s", db).isEqualTo(value);
                        assertThat(names(hosts.findByHostnameIn(List.of(value, "none")))).containsExactly(value);
                        assertThat(names(hosts.findByHostnameStartingWith(value))).contains(value)
                                .allMatch(name -> name.startsWith(value));
                        assertThat(names(hosts.findByHostnameContaining(value))).contains(value)
                                .allMatch(name -> name.contains(value));
                        assertThat(names(hosts.findByHostnameLike(value))).contains(value);
                        assertThat(names(hosts.withHostname(value))).containsExactly(value);
                        assertThat(names(session.query(Host.class).filterBy("hostname", value).all()))
                                .containsExactly(value);
                        assertThat(session.sqlRows("select hostname from spring_host where hostname = :h",
                                Map.of("h", value))).hasSize(1);
                        calls += 8;
                        transactions(context).executeWithoutResult(status -> {
                            Host host = session.query(Host.class).filter(col("hostname").eq(value)).one();
                            host.setPort(host.getPort() + 1000);
                        });
                        calls++;
                    }

                    List<String> accepted = new ArrayList<>();
                    int refusals = 0;
                    for (String name : InjectionCorpus.NAMES) {
                        List<Runnable> entryPoints = List.of(
                                () -> hosts.findAll(Sort.by(name)),
                                () -> hosts.findAll(PageRequest.of(0, 5, Sort.by(name))),
                                () -> hosts.findByPortGreaterThanEqual(0, Sort.by(Sort.Direction.DESC, name)),
                                () -> hosts.findByPortLessThan(10_000, PageRequest.of(0, 5, Sort.by(name))),
                                () -> session.query(Host.class).filterBy(name, "x").all(),
                                () -> session.query(Host.class).orderBy(asc(name)).all());
                        for (Runnable entryPoint : entryPoints) {
                            int before = recorder.texts().size();
                            if (catchThrowable(entryPoint::run) == null) {
                                accepted.add(name);
                            }
                            refusals++;
                            assertThat(recorder.texts().subList(before, recorder.texts().size()))
                                    .as("SQL run for name %s on %s", name, db).noneMatch(sql -> sql.contains(name));
                        }
                    }

                    assertThat(accepted).as("names taken as properties on %s", db).isEmpty();
                    List<String> leaked = new ArrayList<>();
                    for (String value : VALUES) {
                        leaked.addAll(recorder.containing(value));
                    }
                    assertThat(leaked).as("SQL texts holding a payload on %s", db).isEmpty();
                    assertThat(count(context, "spring_host")).as("hosts on %s", db).isEqualTo(VALUES.size());
                    assertThat(count(context, "spring_account")).as("accounts on %s", db).isZero();
                    System.out.println("reliability[" + db + "] Spring injection: " + VALUES.size() + " values x 9 = "
                            + calls + " calls, " + InjectionCorpus.NAMES.size() + " names x 6 = " + refusals
                            + " refusals, " + recorder.texts().size() + " SQL texts checked");
                });
    }

    private static List<String> names(List<Host> hosts) {
        return hosts.stream().map(Host::getHostname).toList();
    }
}
