package io.quarry.relations;

import static io.quarry.sql.Sql.any;
import static io.quarry.sql.Sql.asc;
import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static io.quarry.sql.Sql.has;
import static io.quarry.sql.Sql.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.dialect.H2Dialect;
import io.quarry.mapping.Entity;
import io.quarry.mapping.Fetch;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.OneToMany;
import io.quarry.mapping.Table;
import io.quarry.sql.Delete;
import io.quarry.sql.Select;
import io.quarry.sql.SqlStatement;
import io.quarry.types.CodecRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL of queries across relations: joins for to-one paths, EXISTS for any()/has(), columns in place. */
class RelationPathSqlTest {

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());
    private final H2Dialect dialect = new H2Dialect();

    private SqlStatement render(Select select) {
        return select.render(dialect, models);
    }

    private Select hosts() {
        return Select.from(models.model(Host.class));
    }

    @Test
    void aReferencePathIsOneLeftJoinAndEveryColumnIsQualifiedWithTheEntitysFirstInOrder() {
        SqlStatement sql = render(hosts().where(List.of(path(Host::getDatacenter, Datacenter::getRegion).eq("eu"))));

        assertThat(sql.sql()).isEqualTo("select rl_host.id, rl_host.hostname, rl_host.datacenter_id, rl_host.replica_of"
                + " from rl_host left join rl_datacenter j1 on j1.id = rl_host.datacenter_id where j1.region = ?");
        assertThat(sql.values()).containsExactly("eu");
    }

    @Test
    void aStatementWithoutPathsRendersAsBefore() {
        assertThat(render(hosts().where(List.of(col(Host::getHostname).eq("a")))).sql())
                .isEqualTo("select id, hostname, datacenter_id, replica_of from rl_host where hostname = ?");
    }

    @Test
    void theSamePathTwiceIsOneJoinAndAStringPathMeansTheSame() {
        SqlStatement sql = render(hosts().where(List.of(col("datacenter.region").eq("eu")))
                .orderBy(List.of(asc(path(Host::getDatacenter, Datacenter::getName)))));

        assertThat(sql.sql()).containsOnlyOnce("left join").endsWith("where j1.region = ? order by j1.name asc");
    }

    @Test
    void aPathOfTwoReferencesJoinsBothInOrder() {
        SqlStatement sql = render(hosts().where(List.of(
                path(Host::getReplicaOf, Host::getDatacenter, Datacenter::getName).eq("fra-1"))));

        assertThat(sql.sql()).contains(" from rl_host left join rl_host j1 on j1.id = rl_host.replica_of"
                + " left join rl_datacenter j2 on j2.id = j1.datacenter_id where j2.name = ?");
    }

    @Test
    void groupingByARelatedColumnJoinsInTheSelectList() {
        SqlStatement sql = render(hosts().columns(List.of(col("datacenter.region"), count()))
                .groupBy(List.of(col("datacenter.region"))));

        assertThat(sql.sql()).isEqualTo("select j1.region, count(*) from rl_host left join rl_datacenter j1"
                + " on j1.id = rl_host.datacenter_id group by j1.region");
    }

    @Test
    void anyOverAOneToManyIsACorrelatedExists() {
        SqlStatement sql = render(Select.from(models.model(Datacenter.class))
                .where(List.of(any(Datacenter::getHosts, col(Host::getHostname).like("web%")))));

        assertThat(sql.sql()).isEqualTo("select id, name, region from rl_datacenter where exists (select 1 from rl_host s1"
                + " where s1.datacenter_id = rl_datacenter.id and s1.hostname like ? escape '!')");
    }

    @Test
    void anyOverAManyToManyGoesThroughTheJoinTableFromEitherSide() {
        assertThat(render(hosts().where(List.of(any(Host::getTags, col(Tag::getName).eq("db"))))).sql())
                .endsWith("where exists (select 1 from rl_host_tag s1 join rl_tag s2 on s2.id = s1.tag_id"
                        + " where s1.host_id = rl_host.id and s2.name = ?)");
        assertThat(render(Select.from(models.model(Tag.class)).where(List.of(any(Tag::getHosts)))).sql())
                .endsWith("where exists (select 1 from rl_host_tag s1 where s1.tag_id = rl_tag.id)");
    }

    @Test
    void hasOverAReferenceAndPathsInsideTheSubqueryJoinThere() {
        assertThat(render(hosts().where(List.of(has(Host::getDatacenter, col(Datacenter::getRegion).eq("eu"))))).sql())
                .endsWith("where exists (select 1 from rl_datacenter s1 where s1.id = rl_host.datacenter_id"
                        + " and s1.region = ?)");
        assertThat(render(Select.from(models.model(Datacenter.class)).where(List.of(
                any(Datacenter::getHosts, col("replicaOf.hostname").eq("a"))))).sql())
                .endsWith("where exists (select 1 from rl_host s1 left join rl_host j1 on j1.id = s1.replica_of"
                        + " where s1.datacenter_id = rl_datacenter.id and j1.hostname = ?)");
    }

    @Test
    void joinedLoadingAppendsTheReferencedColumnsAfterTheEntitys() {
        SqlStatement sql = render(hosts().loadJoined(List.of("datacenter")));

        assertThat(sql.sql()).isEqualTo("select rl_host.id, rl_host.hostname, rl_host.datacenter_id, rl_host.replica_of,"
                + " j1.id, j1.name, j1.region from rl_host left join rl_datacenter j1 on j1.id = rl_host.datacenter_id");
        assertThat(hosts().loadJoined(List.of("datacenter")).renderCount(dialect, models).sql())
                .isEqualTo("select count(*) from rl_host");
    }

    @Test
    void unknownStepsNameTheNearestRelationOrProperty() {
        assertThatThrownBy(() -> render(hosts().where(List.of(col("datacentr.region").eq("eu")))))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("path 'datacentr.region': Host has no relation 'datacentr'; did you mean 'datacenter'?");
        assertThatThrownBy(() -> render(hosts().where(List.of(col("datacenter.regoin").eq("eu")))))
                .hasMessageContaining("'datacenter.regoin'").hasMessageContaining("did you mean 'region'?");
        assertThatThrownBy(() -> render(hosts().where(List.of(col("hostname.length").eq(1)))))
                .hasMessageContaining("Host.hostname is a column, not a relation");
        assertThatThrownBy(() -> render(hosts().where(List.of(col("tags.name").eq("db")))))
                .hasMessageContaining("Host.tags is a collection").hasMessageContaining("any(Host::getTags, ...)");
        assertThatThrownBy(() -> render(hosts().where(List.of(any("datacenter")))))
                .hasMessageContaining("Host.datacenter is a reference; use has(Host::getDatacenter, ...)");
        assertThatThrownBy(() -> render(hosts().where(List.of(has("tagz")))))
                .hasMessageContaining("Host has no relation 'tagz'; did you mean 'tags'?");
    }

    @Test
    void aPathFromAnotherEntityIsRefused() {
        assertThatThrownBy(() -> render(Select.from(models.model(Datacenter.class))
                .where(List.of(path(Host::getDatacenter, Datacenter::getRegion).eq("eu")))))
                .hasMessageContaining("Host.datacenter does not belong to Datacenter");
    }

    @Test
    void aBulkDeleteRefusesAJoinAndTakesHas() {
        assertThatThrownBy(() -> Delete.from(models.model(Host.class))
                .where(List.of(col("datacenter.region").eq("eu"))).render(dialect, models))
                .hasMessageContaining("needs a join, which a bulk delete cannot take")
                .hasMessageContaining("has(");
        assertThat(Delete.from(models.model(Host.class)).where(List.of(has("datacenter", col("region").eq("eu"))))
                .render(dialect, models).sql()).isEqualTo("delete from rl_host where exists (select 1 from rl_datacenter s1"
                + " where s1.id = rl_host.datacenter_id and s1.region = ?)");
    }

    @Entity
    @Table(name = "rl_bad")
    static class JoinedCollection {
        @Id @GeneratedValue Long id;
        @OneToMany(mappedBy = "datacenter", fetch = Fetch.JOINED) List<Host> hosts;
    }

    @Test
    void aCollectionDeclaredJoinedFailsWhenTheModelIsBuilt() {
        assertThatThrownBy(() -> models.model(JoinedCollection.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("JoinedCollection.hosts' is a collection with fetch = JOINED");
    }
}
