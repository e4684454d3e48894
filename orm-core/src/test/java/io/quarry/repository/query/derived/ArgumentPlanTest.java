package io.quarry.repository.query.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.repository.InvalidArgumentException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A call's shape (the statement cache key) changes with every argument that changes the SQL, and
 * the In lists it binds are padded to their bucket; bad arguments are refused before any SQL.
 */
class ArgumentPlanTest {

    private static final int MAX_IN = 53 * 1024;
    private static final UnaryOperator<Object> AS_IS = value -> value;

    private static ArgumentPlan.Check nullable(int argument, int bit) {
        return new ArgumentPlan.Check(argument, "argument " + (argument + 1), false, null, bit, -1);
    }

    private static ArgumentPlan.Check in(int argument, int shift) {
        return new ArgumentPlan.Check(argument, "argument " + (argument + 1), true, AS_IS, -1, shift);
    }

    private static ArgumentPlan.Check required(int argument) {
        return new ArgumentPlan.Check(argument, "argument " + (argument + 1), true, null, -1, -1);
    }

    @Test
    void convertedElementsOfATypedArrayNeedNotFitItsType() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(new ArgumentPlan.Check(0, "argument 1", true,
                value -> ((String) value).length(), -1, 0)), 1, false);
        String[] names = {"a", "bb"};

        Object[] bound = (Object[]) plan.prepare(new Object[] {names}).args()[0];

        assertThat(bound).containsExactly(1, 2);
        assertThat(names).as("the caller's array is left alone").containsExactly("a", "bb");
    }

    @Test
    void aConvertedValueIsBoundInACopyAndANullOneIsLeftToItsShape() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(new ArgumentPlan.Check(0, "argument 1", false,
                value -> ((String) value).length(), 0, -1)), 1, false);
        Object[] args = {"abc"};

        assertThat(plan.prepare(args).args()[0]).isEqualTo(3);
        assertThat(args[0]).isEqualTo("abc");
        assertThat(plan.prepare(new Object[] {null}).shape()).isEqualTo(1L);
        assertThatThrownBy(() -> new ArgumentPlan("R.m", List.of(new ArgumentPlan.Check(0, "argument 1", false,
                value -> {
                    throw new InvalidArgumentException("argument 1 is transient");
                }, 0, -1)), 1, false).prepare(new Object[] {"x"})).isInstanceOf(InvalidArgumentException.class)
                .hasMessage("R.m: argument 1 is transient");
    }

    @Test
    void everyCombinationOfNullArgumentsHasItsOwnShape() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(nullable(0, 0), nullable(1, 1), nullable(2, 2)), 3, false);
        Set<Long> shapes = new HashSet<>();

        for (int nulls = 0; nulls < 8; nulls++) {
            Object[] args = {(nulls & 1) == 0 ? "a" : null, (nulls & 2) == 0 ? "b" : null, (nulls & 4) == 0 ? "c" : null};
            shapes.add(plan.prepare(args).shape());
        }

        assertThat(shapes).hasSize(8);
        assertThat(plan.prepare(new Object[] {"a", null, "c"}).shape()).isEqualTo(1L << 1);
    }

    @Test
    void aLaterInListIsPartOfTheShapeAtItsOwnShift() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(nullable(0, 0), in(1, 1), in(2, 1 + ArgumentPlan.IN_BITS)), 3,
                false);
        Set<Long> shapes = new HashSet<>();

        for (int first = 0; first <= 5; first++) {
            for (int second = 0; second <= 5; second++) {
                ArgumentPlan.Call call = plan.prepare(new Object[] {"x", ints(first), ints(second)});
                shapes.add(call.shape());
                assertThat(ArgumentPlan.inSize(call.shape(), 1)).isEqualTo(ArgumentPlan.bucket(first));
                assertThat(ArgumentPlan.inSize(call.shape(), 1 + ArgumentPlan.IN_BITS)).isEqualTo(ArgumentPlan.bucket(second));
            }
        }

        // sizes 0, 1, 2, 3-4, 5 are five buckets each
        assertThat(shapes).hasSize(25);
    }

    @Test
    void padsAnInListToItsBucketByRepeatingTheLastValueAndLeavesTheCallersArrayAlone() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(in(0, 0)), 1, false);
        Object[] args = {List.of(1, 2, 3)};

        ArgumentPlan.Call call = plan.prepare(args);

        assertThat((Object[]) call.args()[0]).containsExactly(1, 2, 3, 3);
        assertThat(call.args()).hasSize(3);
        assertThat(args[0]).isEqualTo(List.of(1, 2, 3));
        assertThat((Object[]) plan.prepare(new Object[] {new int[] {7, 8}}).args()[0]).containsExactly(7, 8);
        assertThat((Object[]) plan.prepare(new Object[] {(Iterable<Integer>) () -> List.of(5).iterator()}).args()[0])
                .containsExactly(5);
        assertThat((Object[]) plan.prepare(new Object[] {new String[] {"a", "b", "c", "d", "e"}}).args()[0])
                .containsExactly("a", "b", "c", "d", "e", "e", "e", "e");
    }

    @Test
    void leavesTheArgumentsAsTheyAreWithoutInListsOrPaging() {
        Object[] args = {"a"};
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(nullable(0, 0)), 1, false);

        assertThat(plan.prepare(args).args()).isSameAs(args);
        assertThat(new ArgumentPlan("R.m", List.of(nullable(0, 0)), 1, true).prepare(args).args()).hasSize(3);
        assertThat(plan.limitSlot()).isEqualTo(1);
        assertThat(plan.offsetSlot()).isEqualTo(2);
    }

    @Test
    void bucketsArePowersOfTwoUpTo1024ThenMultiplesOf1024() {
        int[][] expected = {{0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 4}, {5, 8}, {1000, 1024}, {1024, 1024}, {1025, 2048},
                {2048, 2048}, {2049, 3072}, {MAX_IN, MAX_IN}};
        for (int[] pair : expected) {
            assertThat(ArgumentPlan.bucket(pair[0])).as("bucket of %d", pair[0]).isEqualTo(pair[1]);
        }
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(in(0, 0)), 1, false);
        for (int size : new int[] {0, 1, 2, 4, 512, 1024, 2048, 3072, MAX_IN}) {
            assertThat(ArgumentPlan.inSize(plan.prepare(new Object[] {ints(size)}).shape(), 0)).as("size %d", size)
                    .isEqualTo(size);
        }
    }

    @Test
    void refusesAnInListBeyondTheLimitAndAcceptsTheLimit() {
        ArgumentPlan plan = new ArgumentPlan("R.findByPortIn", List.of(in(0, 0)), 1, false);

        assertThat((Object[]) plan.prepare(new Object[] {ints(MAX_IN)}).args()[0]).hasSize(MAX_IN);
        assertThatThrownBy(() -> plan.prepare(new Object[] {ints(MAX_IN + 1)}))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("R.findByPortIn: argument 1 has " + (MAX_IN + 1) + " values, more than the " + MAX_IN
                        + " one statement takes; split the list or use a @Query with a join");
    }

    @Test
    void refusesNullWhereAValueIsNeededAndWhatIsNotAList() {
        ArgumentPlan plan = new ArgumentPlan("R.m", List.of(required(0), in(1, 0)), 2, false);

        assertThatThrownBy(() -> plan.prepare(new Object[] {null, List.of(1)}))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("R.m: argument 1 is null; this condition needs a value (to match NULL use IsNull)");
        assertThatThrownBy(() -> plan.prepare(new Object[] {"a", null}))
                .hasMessage("R.m: argument 2 is null; pass an empty collection to match nothing");
        assertThatThrownBy(() -> plan.prepare(new Object[] {"a", 5}))
                .hasMessage("R.m: argument 2 must be a collection or an array, not Integer");
        assertThatThrownBy(() -> plan.prepare(new Object[] {"a", new ArrayList<>(java.util.Arrays.asList(1, null))}))
                .hasMessageStartingWith("R.m: argument 2 contains null at position 1;");
    }

    private static List<Integer> ints(int size) {
        return IntStream.range(0, size).boxed().toList();
    }
}
