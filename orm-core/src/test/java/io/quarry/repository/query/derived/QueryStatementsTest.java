package io.quarry.repository.query.derived;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.H2Dialect;
import io.quarry.internal.DriverManagerDataSource;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.Pageable;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.Sort;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.projection.Projection;
import io.quarry.session.Engine;
import io.quarry.sql.SqlStatement;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact SQL a derived query renders for each call shape, without a database. */
class QueryStatementsTest {

    @Entity
    @Table(name = "qs_host")
    record Host(@Id @GeneratedValue Long id, String hostname, int port, String note) {
    }

    interface Methods {
        List<Host> findByNoteAndHostnameNot(String note, String hostname);

        List<Host> findByPortIn(List<Integer> ports);

        List<Host> findByHostnameContainingIgnoreCase(String text);

        List<Host> findByPortGreaterThanOrderByHostnameDesc(int port, Pageable pageable);

        int updateNoteByPortNotIn(String note, int... ports);
    }

    private final Engine engine = Engine.builder(new DriverManagerDataSource("jdbc:h2:mem:never", "sa", ""))
            .dialect(new H2Dialect()).build();
    private final QueryCreator creator = new QueryCreator(engine.model(Host.class), engine,
            RepositoryContext.of(engine.sessionFactory()));
    private final Projection entity = creator.projections().derived(Host.class, null);

    private DerivedQuery query(String name) {
        Method method = java.util.Arrays.stream(Methods.class.getMethods()).filter(m -> m.getName().equals(name))
                .findFirst().orElseThrow();
        Types types = new Types(Methods.class);
        return (DerivedQuery) creator.create("Methods." + name, creator.parse(name), MethodParameters.of(method, types),
                ResultShape.of(types.resolve(method.getGenericReturnType())));
    }

    private static SqlStatement unsorted(DerivedQuery query, long shape, int paging, Projection projection) {
        return query.statements().main(shape, Sort.unsorted(), paging, projection);
    }

    @Test
    void preRendersEveryCombinationOfNullArgumentsAtStartUp() {
        DerivedQuery query = query("findByNoteAndHostnameNot");

        assertThat(query.statements().rendered()).isEqualTo(4);
        assertThat(unsorted(query, 0, QueryStatements.UNPAGED, entity).sql())
                .isEqualTo("select id, hostname, port, note from qs_host where (note = ? and hostname <> ?)");
        assertThat(unsorted(query, 0b01, QueryStatements.UNPAGED, entity).sql()).endsWith("where (note is null and hostname <> ?)");
        assertThat(unsorted(query, 0b11, QueryStatements.UNPAGED, entity).sql())
                .endsWith("where (note is null and hostname is not null)");
        assertThat(query.statements().rendered()).isEqualTo(4);
    }

    @Test
    void picksTheStatementFromTheArgumentsAtCallTime() {
        DerivedQuery query = query("findByNoteAndHostnameNot");

        ArgumentPlan.Call call = query.arguments().prepare(new Object[] {null, "web-1"});

        assertThat(call.shape()).isEqualTo(0b01);
        assertThat(call.args()).containsExactly(null, "web-1");
    }

    @Test
    void padsInListsToSizeBuckets() {
        DerivedQuery query = query("findByPortIn");

        ArgumentPlan.Call call = query.arguments().prepare(new Object[] {List.of(80, 443, 22)});

        assertThat((Object[]) call.args()[0]).containsExactly(80, 443, 22, 22);
        assertThat(unsorted(query, call.shape(), QueryStatements.UNPAGED, entity).sql()).endsWith("where port in (?, ?, ?, ?)");
        assertThat(unsorted(query, query.arguments().prepare(new Object[] {List.of()}).shape(), QueryStatements.UNPAGED,
                entity).sql()).endsWith("where 1 = 0");
    }

    @Test
    void bucketsInListSizesToPowersOfTwoThenMultiplesOf1024() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 9, 1000, 1024, 1025, 3000))
                .map(ArgumentPlan::bucket).containsExactly(0, 1, 2, 4, 4, 8, 16, 1024, 1024, 2048, 3072);
        for (int size : List.of(0, 1, 2, 4, 512, 1024, 2048, 54272)) {
            DerivedQuery query = query("findByPortIn");
            Integer[] ports = new Integer[size];
            java.util.Arrays.fill(ports, 1);
            long shape = query.arguments().prepare(new Object[] {List.of(ports)}).shape();
            assertThat(ArgumentPlan.inSize(shape, 0)).as("size %d", size).isEqualTo(size);
        }
    }

    @Test
    void escapesContainingAndComparesLowerCasedValues() {
        SqlStatement statement = unsorted(query("findByHostnameContainingIgnoreCase"), 0, QueryStatements.UNPAGED, entity);

        assertThat(statement.sql()).endsWith("where lower(hostname) like lower(?) escape '!'");
        io.quarry.sql.Parameter pattern = (io.quarry.sql.Parameter) statement.bindings().get(0);
        assertThat(pattern.transform().apply("50%_off!")).isEqualTo("%50!%!_off!!%");
    }

    @Test
    void bindsLimitAndOffsetFromArgumentSlotsAfterTheArguments() {
        DerivedQuery query = query("findByPortGreaterThanOrderByHostnameDesc");

        SqlStatement statement = unsorted(query, 0, QueryStatements.PAGED, entity);

        assertThat(statement.sql()).endsWith("where port > ? order by hostname desc limit ? offset ?");
        assertThat(statement.values()).containsExactly("?1", "?3", "?4");
        assertThat(query.statements().main(0, Sort.by("port"), QueryStatements.PAGED, entity).sql())
                .endsWith("order by hostname desc, port asc limit ? offset ?");
    }

    @Test
    void rendersABulkUpdateAndTheSelectOfTheIdsItTouches() {
        DerivedQuery query = query("updateNoteByPortNotIn");
        long shape = query.arguments().prepare(new Object[] {"x", new int[] {80, 443}}).shape();

        assertThat(unsorted(query, shape, QueryStatements.UNPAGED, null).sql())
                .isEqualTo("update qs_host set note = ? where port not in (?, ?)");
        assertThat(query.statements().ids(shape).sql()).isEqualTo("select id from qs_host where port not in (?, ?)");
    }
}
