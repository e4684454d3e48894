package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryDescription;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A repository proxy describes itself: its entity, and per method its kind and the SQL rendered at start-up. */
@CrossDatabaseTest
class RepositoryDescriptionIT {

    @Entity
    @Table(name = "rd_host")
    static class Host {
        @Id
        @GeneratedValue
        Long id;
        String hostname;
        int port;
    }

    /** A fragment, as Spring would find HostRepositoryCustom's Impl. */
    public interface HostRepositoryCustom {
        String greeting();
    }

    static final class Greeter implements HostRepositoryCustom {
        @Override
        public String greeting() {
            return "hello";
        }
    }

    interface HostRepository extends CrudRepository<Host, Long>, HostRepositoryCustom, QueryByExampleExecutor<Host> {
        List<Host> findByHostname(String hostname);

        @Query(value = "select * from rd_host where port = :port", countQuery = "select count(*) from rd_host where port = :port")
        Page<Host> onPort(@Param("port") int port, Pageable pageable);

        default long countTwice() {
            return count() * 2;
        }
    }

    private final TestDatabase db;

    RepositoryDescriptionIT(TestDatabase db) {
        this.db = db;
    }

    private Map<String, RepositoryDescription.Method> methods() {
        Engine engine = Engine.create(db.dataSource());
        HostRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class, new Greeter());
        RepositoryDescription description = RepositoryFactory.describe(hosts);
        assertThat(description.repository()).isEqualTo(HostRepository.class);
        assertThat(description.entity()).isEqualTo(Host.class);
        return description.methods().stream()
                .collect(Collectors.toMap(RepositoryDescription.Method::signature, Function.identity()));
    }

    @Test
    void aDerivedQueryListsTheStatementOfEachCallShape() {
        RepositoryDescription.Method method = methods().get("findByHostname(String)");

        assertThat(method.kind()).isEqualTo("derived");
        assertThat(method.sql()).as("on %s: a value and a null argument", db).hasSize(2)
                .allSatisfy(sql -> assertThat(sql).contains("rd_host").contains("hostname"))
                .anySatisfy(sql -> assertThat(sql).contains("?"))
                .anySatisfy(sql -> assertThat(sql).containsIgnoringCase("is null"));
    }

    @Test
    void aHandWrittenQueryListsItsPagedFormAndItsCount() {
        RepositoryDescription.Method method = methods().get("onPort(int, Pageable)");

        assertThat(method.kind()).isEqualTo("query");
        assertThat(method.sql()).anySatisfy(sql -> assertThat(sql).startsWith("select count(*) from rd_host"))
                .allSatisfy(sql -> assertThat(sql).doesNotContain(":port"));
    }

    @Test
    void crudMethodsDefaultMethodsAndFragmentsSayWhatTheyAre() {
        Map<String, RepositoryDescription.Method> methods = methods();

        assertThat(methods.get("findById(Object)").kind()).isEqualTo("crud");
        assertThat(methods.get("findById(Object)").sql()).as("a derived findById rendered at start-up")
                .anySatisfy(sql -> assertThat(sql).contains("rd_host").contains("id = ?"));
        assertThat(methods.get("save(Object)").sql()).as("the session writes it").isEmpty();
        assertThat(methods.get("countTwice()").kind()).isEqualTo("default");
        assertThat(methods.get("greeting()").kind()).isEqualTo("fragment");
        assertThat(methods.get("findOne(Example)").kind()).as("its SQL depends on the probe").isEqualTo("executor");
        assertThat(methods.get("findOne(Example)").sql()).isEmpty();
        assertThat(methods).doesNotContainKeys("toString()", "hashCode()", "equals(Object)");
    }

    @Test
    void anythingButAQuarryProxyHasNoDescription() {
        assertThat(RepositoryFactory.describe(new Object())).isNull();
        assertThat(RepositoryFactory.describe(null)).isNull();
    }
}
