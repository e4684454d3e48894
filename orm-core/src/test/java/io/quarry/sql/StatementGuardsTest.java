package io.quarry.sql;

import static io.quarry.sql.Sql.col;
import static io.quarry.sql.Sql.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.dialect.Dialect;
import io.quarry.dialect.H2Dialect;
import io.quarry.dialect.MySqlDialect;
import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Id;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Table;
import io.quarry.types.CodecRegistry;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Statements that cannot be right are refused when they are built or rendered, with a message naming the problem. */
class StatementGuardsTest {

    @Entity
    @Table(name = "g_host")
    static class Host {
        @Id Long id;
        String hostname;
        int port;
    }

    private final CodecRegistry codecs = CodecRegistry.withDefaults();
    private final EntityModel<Host> model = new ModelRegistry(codecs).model(Host.class);

    private SqlStatement where(Dialect dialect, Predicate predicate) {
        return Select.from(model).columns(List.of(col("id"))).where(List.of(predicate)).render(dialect, codecs);
    }

    @Test
    void rejectsANullBoundOfBetweenFirstOrSecond() {
        assertThatThrownBy(() -> col("port").between(1, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("between(null) on port matches nothing in SQL; use isNull()/isNotNull() to test for NULL");
        assertThatThrownBy(() -> col("port").between(null, 1))
                .hasMessage("between(null) on port matches nothing in SQL; use isNull()/isNotNull() to test for NULL");
        assertThatThrownBy(() -> col("port").notBetween(1, null))
                .hasMessage("notBetween(null) on port matches nothing in SQL; use isNull()/isNotNull() to test for NULL");
    }

    @Test
    void acceptsAsManyParametersAsTheDialectAllowsAndRefusesOneMore() {
        Dialect h2 = new H2Dialect();
        int max = h2.maxBindParameters();

        assertThat(where(h2, col("port").in(ports(max))).bindings()).hasSize(max);
        assertThatThrownBy(() -> where(h2, col("port").in(ports(max + 1))))
                .isInstanceOf(QuarryException.class)
                .hasMessage("The statement has " + (max + 1) + " parameters, more than " + h2.name() + " accepts ("
                        + max + "); split the IN list or the batch");
    }

    @Test
    void appliesEachDialectsOwnBindParameterLimit() {
        Dialect mySql = new MySqlDialect(false);
        int h2Max = new H2Dialect().maxBindParameters();

        assertThat(mySql.maxBindParameters()).isGreaterThan(h2Max);
        assertThat(where(mySql, col("port").in(ports(h2Max + 1))).bindings()).hasSize(h2Max + 1);
    }

    private static List<Integer> ports(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    @Test
    void rejectsANegativeLimitOrOffsetAndAcceptsZeroAndNone() {
        Select select = Select.from(model);

        assertThatThrownBy(() -> select.limit(-1L)).isInstanceOf(QuarryException.class)
                .hasMessage("limit must be >= 0, got -1");
        assertThatThrownBy(() -> select.offset(-1L)).isInstanceOf(QuarryException.class)
                .hasMessage("offset must be >= 0, got -1");
        assertThat(select.limit(0L).offset(0L).render(new H2Dialect(), codecs).values()).containsExactly(0L, 0L);
        assertThat(select.limit(5L).limit(null).offset(5L).offset(null).render(new H2Dialect(), codecs).bindings()).isEmpty();
    }

    @Test
    void rejectsAnInsertWhoseValuesDoNotMatchItsColumns() {
        Insert insert = Insert.into(model, model.properties());

        assertThatThrownBy(() -> insert.values(1L, "web-1"))
                .isInstanceOf(QuarryException.class)
                .hasMessage("INSERT into g_host has 3 columns but 2 values");
        assertThatThrownBy(() -> insert.values(1L, "web-1", 22, 23))
                .hasMessage("INSERT into g_host has 3 columns but 4 values");
        assertThat(insert.values(1L, "web-1", 22).render(new H2Dialect(), codecs).values()).containsExactly(1L, "web-1", 22);
    }

    @Test
    void rejectsABlankOrMissingColumnName() {
        for (String name : Arrays.asList(null, "", "  ")) {
            assertThatThrownBy(() -> col(name))
                    .as("name %s", name)
                    .isInstanceOf(MappingException.class)
                    .hasMessage("A column needs a property name; got '" + name + "'");
        }
    }

    @Test
    void rejectsBoundValuesInOrderBy() {
        Select select = Select.from(model).orderBy(List.of(col("port").plus(1).asc()));

        assertThatThrownBy(() -> select.render(new H2Dialect(), codecs))
                .isInstanceOf(QuarryException.class)
                .hasMessage("ORDER BY port cannot take bound values");
    }

    @Test
    void rejectsAColumnWhereNoEntityIsInScope() {
        RenderContext context = new RenderContext(new H2Dialect(), codecs, null);

        assertThatThrownBy(() -> col("port").render(context))
                .isInstanceOf(MappingException.class)
                .hasMessage("Property 'port' is used where no entity is in scope");
    }

    @Test
    void rejectsNullAmongValuesComparedWithAnAggregateOfDriverType() {
        assertThatThrownBy(() -> where(new H2Dialect(), Sql.sum(col("port")).in(Arrays.asList(1, null))))
                .isInstanceOf(QuarryException.class)
                .hasMessage("Cannot bind NULL to sum_port; use isNull()");
    }

    @Test
    void rejectsAValueThatDoesNotFitTheColumnBehindArithmetic() {
        assertThatThrownBy(() -> where(new H2Dialect(), col("port").plus(1).eq(1.5)))
                .hasMessage("Value 1.5 (Double) does not fit port of Host, which is int; pass an Integer");
    }

    @Test
    void rejectsControlCharactersAsLikeEscape() {
        for (char escape : new char[] {'\u0000', '\u007f'}) {
            assertThatThrownBy(() -> col("hostname").notLike("x", escape))
                    .as("escape %d", (int) escape)
                    .hasMessageEndingWith("cannot be a LIKE escape character; use a punctuation character such as '!' or '#'");
        }
        SqlStatement escaped = where(new H2Dialect(), col("hostname").like("x#%", '#'));
        assertThat(escaped.sql()).endsWith("escape '!'");
        assertThat(escaped.values()).containsExactly("x!%");
    }

    @Test
    void bindsCountsAsLongAndDriverTypedAggregatesAsGiven() {
        // as code that builds predicates from untyped arguments does
        SqlStatement statement = where(new H2Dialect(), Sql.and(untyped(count(col("port"))).gt(1),
                untyped(Sql.sum(col("port"))).gt(2)));

        assertThat(statement.values()).containsExactly(1L, 2);
        assertThat(((ValueBinding) statement.bindings().get(1)).codec()).isSameAs(codecs.forValue(2));
        assertThat(Collections.frequency(statement.values(), null)).isZero();
    }

    @SuppressWarnings("unchecked")
    private static Operand<Object> untyped(Operand<?> operand) {
        return (Operand<Object>) operand;
    }
}
