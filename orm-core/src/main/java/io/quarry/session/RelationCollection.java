package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.RelationModel;
import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A collection field's value as the session sets it: its elements, loaded with the query or on
 * first access for every owner of the same query at once ({@link Batch}). The session keeps the
 * elements as loaded (for the flush to diff against) in the owner's state. Not thread-safe.
 */
interface RelationCollection {

    /** Whether the elements are here (loaded, or set when loaded). */
    boolean isLoaded();

    /** Sets the elements as loaded from the database. */
    void loaded(List<Object> elements);

    /** A new, unloaded collection of {@code relation}'s kind that loads through {@code batch}. */
    static Collection<Object> lazy(RelationModel relation, Batch batch) {
        return relation.isSet() ? new LazySet(batch) : new LazyList(batch);
    }

    /** A new collection of {@code relation}'s kind holding {@code elements}, loaded. */
    static Collection<Object> of(RelationModel relation, List<Object> elements) {
        Collection<Object> collection = lazy(relation, null);
        ((RelationCollection) collection).loaded(elements);
        return collection;
    }

    /**
     * The owners of one relation that one query loaded: the first access to any of their unloaded
     * collections loads all of them in one statement (per chunk of keys).
     */
    interface Batch {

        /** Loads every unloaded collection of the batch; fails clearly when the session is gone. */
        void load(Object trigger);
    }

    /** A {@code List} field. */
    final class LazyList extends AbstractList<Object> implements RelationCollection {

        private Batch batch;
        private List<Object> elements;

        LazyList(Batch batch) {
            this.batch = batch;
        }

        private List<Object> elements() {
            if (elements == null) {
                batch.load(this);
                if (elements == null) {
                    throw new QuarryException("A collection was not loaded by its batch");
                }
            }
            return elements;
        }

        @Override
        public boolean isLoaded() {
            return elements != null;
        }

        @Override
        public void loaded(List<Object> values) {
            elements = new ArrayList<>(values);
            batch = null;
        }

        @Override
        public Object get(int index) {
            return elements().get(index);
        }

        @Override
        public int size() {
            return elements().size();
        }

        @Override
        public Object set(int index, Object element) {
            return elements().set(index, element);
        }

        @Override
        public void add(int index, Object element) {
            elements().add(index, element);
            modCount++;
        }

        @Override
        public Object remove(int index) {
            modCount++;
            return elements().remove(index);
        }
    }

    /** A {@code Set} field; keeps the order elements were loaded or added in. */
    final class LazySet extends AbstractSet<Object> implements RelationCollection {

        private Batch batch;
        private LinkedHashSet<Object> elements;

        LazySet(Batch batch) {
            this.batch = batch;
        }

        private LinkedHashSet<Object> elements() {
            if (elements == null) {
                batch.load(this);
                if (elements == null) {
                    throw new QuarryException("A collection was not loaded by its batch");
                }
            }
            return elements;
        }

        @Override
        public boolean isLoaded() {
            return elements != null;
        }

        @Override
        public void loaded(List<Object> values) {
            // sized for the elements (the copy constructor sizes for 11 at least: most collections hold a few)
            elements = new LinkedHashSet<>(Math.max(4, (int) (values.size() / .75f) + 1));
            elements.addAll(values);
            batch = null;
        }

        @Override
        public Iterator<Object> iterator() {
            return elements().iterator();
        }

        @Override
        public int size() {
            return elements().size();
        }

        @Override
        public boolean add(Object element) {
            return elements().add(element);
        }

        @Override
        public boolean contains(Object element) {
            return elements().contains(element);
        }

        @Override
        public boolean remove(Object element) {
            return elements().remove(element);
        }
    }
}
