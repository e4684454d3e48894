package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.ManyToOne;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.Table;
import io.quarry.types.CodecRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of one flush: inserts, updates, deletes; tables by name; rows by id within a table (new
 * rows without an id keep the order they were added in); updates grouped by the columns they change.
 * A fixed order is what keeps two sessions flushing the same rows from deadlocking each other.
 */
class FlushPlanTest {

    /** Its class name sorts first, its table name second. */
    @Entity
    @Table(name = "s3_fp_b_zoo")
    static class Aardvark {
        @Id Long id;
    }

    /** A second class mapped to Aardvark's table. */
    @Entity
    @Table(name = "s3_fp_b_zoo")
    static class AardvarkView {
        @Id Long id;
    }

    /** Its class name sorts last, its table name first. */
    @Entity
    @Table(name = "s3_fp_a_zoo")
    static class Zebra {
        @Id Long id;
    }

    /** Refers to Zebra: its rows go after Zebra's in, before them out. */
    @Entity
    @Table(name = "s3_fp_c_zoo")
    static class Calf {
        @Id Long id;
        @ManyToOne Zebra mother;
    }

    /** A self-reference: new nodes are inserted parents first, in waves. */
    @Entity
    @Table(name = "s3_fp_node")
    static class Node {
        @Id @GeneratedValue Long id;
        @ManyToOne Node parent;

        Node(Node parent) {
            this.parent = parent;
        }

        Node() {
        }
    }

    private final ModelRegistry models = new ModelRegistry(CodecRegistry.withDefaults());

    private EntityState state(Object instance, Object id, ObjectState objectState) {
        EntityModel<?> model = models.model(instance.getClass());
        EntityState state = new EntityState(model, instance, objectState);
        state.id = id;
        return state;
    }

    private EntityState loaded(Object instance, Object id) {
        EntityState state = state(instance, id, ObjectState.PERSISTENT);
        state.takeSnapshot();
        return state;
    }

    private static List<Object> ids(FlushPlan.Group group) {
        List<Object> ids = new ArrayList<>();
        group.states().forEach(state -> ids.add(state.id));
        return ids;
    }

    @Test
    void insertsComeByTableNameThenById() {
        List<EntityState> pending = List.of(state(new Tag("c", "x"), "c", ObjectState.PENDING),
                state(new Server("s", "r", 1), null, ObjectState.PENDING),
                state(new Tag("a", "x"), "a", ObjectState.PENDING),
                state(new Tag("b", "x"), "b", ObjectState.PENDING));

        FlushPlan plan = FlushPlan.build(new ArrayList<>(pending), List.of(), List.of());

        assertThat(plan.inserts).extracting(group -> group.model().table()).containsExactly("s3_server", "s3_tag");
        assertThat(ids(plan.inserts.get(1))).containsExactly("a", "b", "c");
        assertThat(plan.updates).isEmpty();
        assertThat(plan.deletes).isEmpty();
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    void newRowsWithoutIdsKeepTheOrderTheyWereAddedIn() {
        Server first = new Server("first", "r", 1);
        Server second = new Server("second", "r", 2);
        Server third = new Server("third", "r", 3);
        List<EntityState> pending = new ArrayList<>(List.of(state(third, null, ObjectState.PENDING),
                state(first, null, ObjectState.PENDING), state(second, null, ObjectState.PENDING)));

        FlushPlan plan = FlushPlan.build(pending, List.of(), List.of());

        assertThat(plan.inserts.get(0).states()).extracting(s -> s.instance).containsExactly(third, first, second);
    }

    @Test
    void updatesGoByIdGroupedByTheColumnsTheyChangeAndUnchangedObjectsAreLeftOut() {
        Server a = new Server("a", "r", 1);
        Server b = new Server("b", "r", 1);
        Server c = new Server("c", "r", 1);
        Server untouched = new Server("d", "r", 1);
        EntityState sa = loaded(a, 30L);
        EntityState sb = loaded(b, 10L);
        EntityState sc = loaded(c, 20L);
        EntityState sd = loaded(untouched, 40L);
        a.port = 2;
        b.port = 2;
        c.rack = "other";
        EntityState removed = loaded(new Server("e", "r", 1), 50L);
        removed.state = ObjectState.REMOVED;

        FlushPlan plan = FlushPlan.build(new ArrayList<>(), List.of(sa, sb, sc, sd, removed), List.of());

        assertThat(plan.updates).hasSize(2);
        assertThat(plan.updates.get(0).changed()).extracting(p -> p.name()).containsExactly("port");
        assertThat(ids(plan.updates.get(0))).containsExactly(10L, 30L);
        assertThat(plan.updates.get(1).changed()).extracting(p -> p.name()).containsExactly("rack");
        assertThat(ids(plan.updates.get(1))).containsExactly(20L);
        assertThat(plan.inserts).isEmpty();
    }

    @Test
    void deletesComeLastByTableThenById() {
        List<EntityState> deleted = new ArrayList<>(List.of(state(new Tag("z", "x"), "z", ObjectState.REMOVED),
                state(new Server("s2", "r", 1), 7L, ObjectState.REMOVED), state(new Tag("m", "x"), "m",
                        ObjectState.REMOVED), state(new Server("s1", "r", 1), 3L, ObjectState.REMOVED)));

        FlushPlan plan = FlushPlan.build(new ArrayList<>(), List.of(), deleted);

        assertThat(plan.deletes).extracting(group -> group.model().table()).containsExactly("s3_server", "s3_tag");
        assertThat(ids(plan.deletes.get(0))).containsExactly(3L, 7L);
        assertThat(ids(plan.deletes.get(1))).containsExactly("m", "z");
    }

    @Test
    void nothingToDoIsAnEmptyPlan() {
        assertThat(FlushPlan.build(new ArrayList<>(), List.of(loaded(new Server("a", "r", 1), 1L)), List.of())
                .isEmpty()).isTrue();
    }

    @Test
    void tablesAreOrderedByTableNameNotByClassName() {
        List<EntityState> pending = new ArrayList<>(List.of(state(new Aardvark(), 1L, ObjectState.PENDING),
                state(new Zebra(), 2L, ObjectState.PENDING)));

        FlushPlan plan = FlushPlan.build(pending, List.of(), List.of());

        assertThat(plan.inserts).extracting(group -> (Object) group.model().type()).containsExactly(Zebra.class, Aardvark.class);
    }

    @Test
    void twoClassesMappedToOneTableAreWrittenInGroupsOfTheirOwn() {
        EntityState view = state(new AardvarkView(), 1L, ObjectState.PENDING);
        EntityState aardvark = state(new Aardvark(), 2L, ObjectState.PENDING);

        FlushPlan plan = FlushPlan.build(new ArrayList<>(List.of(view, aardvark)), List.of(), List.of());

        assertThat(plan.inserts).extracting(group -> (Object) group.model().type())
                .containsExactly(Aardvark.class, AardvarkView.class);
        assertThat(plan.inserts.get(0).states()).containsExactly(aardvark);
        assertThat(plan.inserts.get(1).states()).containsExactly(view);
    }

    @Test
    void newRowsAreSortedByIdOnlyWhenEveryOneHasAnId() {
        EntityState unset = state(new Aardvark(), null, ObjectState.PENDING);
        EntityState assigned = state(new Aardvark(), 5L, ObjectState.PENDING);

        FlushPlan plan = FlushPlan.build(new ArrayList<>(List.of(unset, assigned)), List.of(), List.of());

        assertThat(plan.inserts.get(0).states()).containsExactly(unset, assigned);
    }

    @Test
    void deletesTakeReferringTablesFirstAndOtherwiseKeepTableNameOrder() {
        List<EntityState> deleted = new ArrayList<>(List.of(state(new Zebra(), 1L, ObjectState.REMOVED),
                state(new Calf(), 2L, ObjectState.REMOVED), state(new Aardvark(), 3L, ObjectState.REMOVED)));
        List<EntityState> pending = new ArrayList<>(List.of(state(new Calf(), 4L, ObjectState.PENDING),
                state(new Aardvark(), 5L, ObjectState.PENDING), state(new Zebra(), 6L, ObjectState.PENDING)));

        FlushPlan plan = FlushPlan.build(pending, List.of(), deleted);

        assertThat(plan.inserts).extracting(group -> group.model().table())
                .containsExactly("s3_fp_a_zoo", "s3_fp_b_zoo", "s3_fp_c_zoo");
        assertThat(plan.deletes).extracting(group -> group.model().table())
                .containsExactly("s3_fp_b_zoo", "s3_fp_c_zoo", "s3_fp_a_zoo");
    }

    @Test
    void aChainOfNewSelfReferringRowsIsInsertedOneWavePerGeneration() {
        Node root = new Node(null);
        Node middle = new Node(root);
        Node leaf = new Node(middle);
        List<EntityState> pending = new ArrayList<>(List.of(state(middle, null, ObjectState.PENDING),
                state(leaf, null, ObjectState.PENDING), state(root, null, ObjectState.PENDING)));

        FlushPlan plan = FlushPlan.build(pending, List.of(), List.of());

        assertThat(plan.inserts).hasSize(3);
        assertThat(plan.inserts.get(0).states()).extracting(s -> s.instance).containsExactly(root);
        assertThat(plan.inserts.get(1).states()).extracting(s -> s.instance).containsExactly(middle);
        assertThat(plan.inserts.get(2).states()).extracting(s -> s.instance).containsExactly(leaf);
    }
}
