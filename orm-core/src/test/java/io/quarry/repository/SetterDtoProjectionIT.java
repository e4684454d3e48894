package io.quarry.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DTO classes filled through a no-argument constructor and setters or fields, beside constructor DTOs, as
 * Spring Data's class-based projections: only their columns are selected, derived and {@code @Query}
 * methods alike, and a property the entity lacks stops the start.
 */
@CrossDatabaseTest
class SetterDtoProjectionIT {

    @Entity
    @Table(name = "sd_host")
    static class Host {
        @Id @GeneratedValue Long id;
        String hostname;
        Integer port;
        String rack;

        Host() {
        }

        Host(String hostname, Integer port, String rack) {
            this.hostname = hostname;
            this.port = port;
            this.rack = rack;
        }
    }

    /** A JavaBean: no-argument constructor and setters. */
    public static class HostBean {
        private String hostname;
        private Integer port;

        public void setHostname(String hostname) {
            this.hostname = hostname;
        }

        public void setPort(Integer port) {
            this.port = port;
        }
    }

    /** Plain fields, no setters. */
    static class HostFields {
        String hostname;
        String rack;
    }

    /**
     * A setter that changes what it is given, beside a field of the same name (the setter wins), a
     * method called just {@code set}, and a static setter and field, neither of which is a property.
     */
    public static class ShoutingBean {
        static String lastRack;
        private String hostname;
        public String rack;

        public void setHostname(String hostname) {
            this.hostname = hostname.toUpperCase(java.util.Locale.ROOT);
        }

        public void set(String anything) {
            throw new AssertionError("set(" + anything + ") is not a setter");
        }

        public static void setPort(Integer port) {
            throw new AssertionError("a static method is not a setter");
        }
    }

    /** A property Host does not have. */
    public static class Misnamed {
        public void setHostnme(String hostname) {
        }
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        List<HostBean> findByRackOrderByHostname(String rack);

        List<HostFields> findByHostnameStartingWithOrderByHostname(String prefix);

        @Query("select hostname, port from sd_host where rack = :rack order by hostname")
        List<HostBean> inRack(@Param("rack") String rack);

        <T> List<T> findByRack(String rack, Class<T> type);

        List<ShoutingBean> findByPortOrderByHostname(Integer port);
    }

    interface MisnamedRepository extends CrudRepository<Host, Long> {
        List<Misnamed> findByRack(String rack);
    }

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private RepositoryFactory factory;
    private HostRepository hosts;

    SetterDtoProjectionIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        engine = Engine.create(db.dataSource());
        engine.dropAll(Host.class);
        engine.createAll(Host.class);
        factory = RepositoryFactory.of(engine.sessionFactory());
        hosts = factory.create(HostRepository.class);
        hosts.saveAll(List.of(new Host("web-1", 22, "r1"), new Host("web-2", null, "r1"), new Host("db-1", 5432, "r2")));
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        engine.dropAll(Host.class);
    }

    @Test
    void aBeanIsFilledThroughItsSettersFromItsColumnsOnly() {
        List<HostBean> beans = hosts.findByRackOrderByHostname("r1");

        assertThat(beans).extracting(bean -> bean.hostname).containsExactly("web-1", "web-2");
        assertThat(beans).extracting(bean -> bean.port).containsExactly(22, null);
        assertThat(statements).singleElement().asString().startsWith("select hostname, port from sd_host");
    }

    @Test
    void fieldsAreFilledWhenThereAreNoSetters() {
        List<HostFields> found = hosts.findByHostnameStartingWithOrderByHostname("web");

        assertThat(found).extracting(dto -> dto.hostname + "@" + dto.rack).containsExactly("web-1@r1", "web-2@r1");
        assertThat(statements).singleElement().asString().startsWith("select hostname, rack from sd_host");
    }

    @Test
    void handWrittenSqlAndDynamicProjectionsFillBeansByColumnLabel() {
        assertThat(hosts.inRack("r2")).extracting(bean -> bean.hostname + ":" + bean.port).containsExactly("db-1:5432");
        assertThat(hosts.findByRack("r2", HostFields.class)).extracting(dto -> dto.hostname).containsExactly("db-1");
    }

    @Test
    void aSetterWinsOverTheFieldOfItsPropertyAndOnlyInstanceSettersWithANameAreSetters() {
        List<ShoutingBean> found = hosts.findByPortOrderByHostname(22);

        assertThat(found).extracting(bean -> bean.hostname + "@" + bean.rack).containsExactly("WEB-1@r1");
        assertThat(statements).singleElement().asString().startsWith("select hostname, rack from sd_host");
    }

    @Test
    void aSetterForAPropertyTheEntityLacksStopsTheStart() {
        assertThatThrownBy(() -> factory.create(MisnamedRepository.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("hostnme");
        assertThat(statements).isEmpty();
    }
}
