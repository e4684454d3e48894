package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.QuarryException;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The session's collections: loaded by their batch on first use, then plain lists and sets. */
class RelationCollectionTest {

    private static RelationCollection.LazyList list(String... elements) {
        RelationCollection.LazyList list = new RelationCollection.LazyList(null);
        list.loaded(List.of((Object[]) elements));
        return list;
    }

    private static RelationCollection.LazySet set(String... elements) {
        RelationCollection.LazySet set = new RelationCollection.LazySet(null);
        set.loaded(List.of((Object[]) elements));
        return set;
    }

    @Test
    void aListLoadsThroughItsBatchOnFirstUseOnly() {
        AtomicInteger loads = new AtomicInteger();
        RelationCollection.LazyList[] holder = new RelationCollection.LazyList[1];
        holder[0] = new RelationCollection.LazyList(trigger -> {
            loads.incrementAndGet();
            holder[0].loaded(List.of("a", "b"));
        });

        assertThat(holder[0].isLoaded()).isFalse();
        assertThat(holder[0].get(1)).isEqualTo("b");
        assertThat(holder[0].size()).isEqualTo(2);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aListWhoseBatchDidNotLoadItFailsClearly() {
        RelationCollection.LazyList list = new RelationCollection.LazyList(trigger -> { });

        assertThatThrownBy(list::size).isInstanceOf(QuarryException.class)
                .hasMessage("A collection was not loaded by its batch");
    }

    @Test
    void aSetWhoseBatchDidNotLoadItFailsClearly() {
        RelationCollection.LazySet set = new RelationCollection.LazySet(trigger -> { });

        assertThatThrownBy(set::size).isInstanceOf(QuarryException.class)
                .hasMessage("A collection was not loaded by its batch");
    }

    @Test
    void setAndRemoveOfAListReturnTheElementThatWasThere() {
        RelationCollection.LazyList list = list("a", "b", "c");

        assertThat(list.set(1, "B")).isEqualTo("b");
        assertThat(list.remove(0)).isEqualTo("a");
        assertThat(list).containsExactly("B", "c");
    }

    @Test
    void anIteratorOfAListFailsAfterAnAddAndARemove() {
        RelationCollection.LazyList list = list("a", "b");
        Iterator<Object> iterator = list.iterator();
        iterator.next();

        list.add("c");
        list.remove(2);

        assertThat(list).containsExactly("a", "b");
        assertThatThrownBy(iterator::next).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void anIteratorOfAListFailsAfterARemoveAndAnAdd() {
        RelationCollection.LazyList list = list("a", "b");
        Iterator<Object> iterator = list.iterator();
        iterator.next();

        list.remove(1);
        list.add("b");

        assertThatThrownBy(iterator::next).isInstanceOf(ConcurrentModificationException.class);
    }

    @Test
    void addContainsAndRemoveOfASetSayWhetherTheSetChanged() {
        RelationCollection.LazySet set = set("a", "b");

        assertThat(set.add("c")).isTrue();
        assertThat(set.add("a")).isFalse();
        assertThat(set.contains("b")).isTrue();
        assertThat(set.contains("z")).isFalse();
        assertThat(set.remove("b")).isTrue();
        assertThat(set.remove("z")).isFalse();
        assertThat(set).containsExactly("a", "c");
    }
}
