package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@link EntityListener}s, resolved once per entity class, and the one place that calls
 * them. An engine without listeners has none of these (null), so flushes and loads pay nothing.
 * Thread-safe.
 */
final class EntityCallbacks {

    /** A listener and the class whose objects (subclasses included) it sees. */
    record Registration(Class<?> type, EntityListener<Object> listener) {
    }

    private final List<Registration> registrations;
    private final ClassValue<EntityListener<Object>[]> byType = new ClassValue<>() {
        @Override
        protected EntityListener<Object>[] computeValue(Class<?> type) {
            return listeners(type, null);
        }
    };
    /** Only those that override afterLoad: the per-row path calls no empty default. */
    private final ClassValue<EntityListener<Object>[]> loading = new ClassValue<>() {
        @Override
        protected EntityListener<Object>[] computeValue(Class<?> type) {
            return listeners(type, "afterLoad");
        }
    };

    private EntityCallbacks(List<Registration> registrations) {
        this.registrations = List.copyOf(registrations);
    }

    /**
     * What an engine builder was told: the listeners in registration order and whether auditing is
     * on. Not thread-safe; one per builder.
     */
    static final class Settings {

        private final List<Registration> listeners = new ArrayList<>();
        private AuditorAware<?> auditor;
        private Clock clock;

        @SuppressWarnings("unchecked")
        void add(Class<?> type, EntityListener<?> listener) {
            if (type == null || listener == null) {
                throw new QuarryException("entityListener needs an entity class and a listener, got " + type + " and "
                        + listener + "; use Object.class for a listener of every entity");
            }
            listeners.add(new Registration(type, (EntityListener<Object>) listener));
        }

        void auditing(AuditorAware<?> auditor, Clock clock) {
            this.auditor = auditor;
            this.clock = clock != null ? clock : Clock.systemUTC();
        }

        /**
         * The callbacks, or null when there are none. Auditing comes first, so that the entity's own
         * listeners see the stamped values.
         */
        EntityCallbacks build(ModelRegistry models) {
            List<Registration> all = new ArrayList<>();
            if (clock != null) {
                all.add(new Registration(Object.class, new AuditingListener(models::model, auditor, clock)));
            }
            all.addAll(listeners);
            return all.isEmpty() ? null : new EntityCallbacks(all);
        }
    }

    /** The listeners of {@code type}'s objects, in registration order; empty when none. */
    EntityListener<Object>[] of(Class<?> type) {
        return byType.get(type);
    }

    /** The listeners of {@code type}'s objects that override {@link EntityListener#afterLoad}; empty when none. */
    EntityListener<Object>[] loading(Class<?> type) {
        return loading.get(type);
    }

    /** Whether a listener wants to see the deletes of {@code type}'s objects (before-delete or after-commit). */
    boolean seesDeletes(Class<?> type) {
        return listeners(type, "beforeDelete").length > 0 || listeners(type, "afterCommit").length > 0;
    }

    @SuppressWarnings("unchecked")
    private EntityListener<Object>[] listeners(Class<?> type, String overriding) {
        return registrations.stream().filter(r -> r.type().isAssignableFrom(type))
                .map(Registration::listener)
                .filter(listener -> overriding == null || overrides(listener, overriding))
                .toArray(EntityListener[]::new);
    }

    private static boolean overrides(EntityListener<?> listener, String method) {
        try {
            return listener.getClass().getMethod(method, Object.class).getDeclaringClass() != EntityListener.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("EntityListener." + method + " is missing", e);
        }
    }

    /**
     * Calls the before-insert, before-update and before-delete listeners of {@code plan}'s objects,
     * remembering in {@code changes} what they change (to undo if the flush fails). Returns whether a
     * listener that can change objects ran (the plan must then be built again).
     */
    boolean beforeWrite(FlushPlan plan, Changes changes) {
        boolean ran = false;
        for (FlushPlan.Group group : plan.inserts) {
            ran |= replaceEach(group, true, changes);
        }
        for (FlushPlan.Group group : plan.updates) {
            ran |= replaceEach(group, false, changes);
        }
        for (FlushPlan.Group group : plan.deletes) {
            EntityListener<Object>[] listeners = of(group.model().type());
            for (EntityState state : group.states()) {
                for (EntityListener<Object> listener : listeners) {
                    try {
                        listener.beforeDelete(state.instance);
                    } catch (RuntimeException e) {
                        throw failed(listener, "deleting", state, e);
                    }
                }
            }
        }
        return ran;
    }

    private boolean replaceEach(FlushPlan.Group group, boolean insert, Changes changes) {
        EntityListener<Object>[] listeners = of(group.model().type());
        if (listeners.length == 0) {
            return false;
        }
        for (EntityState state : group.states()) {
            changes.remember(state);
            for (EntityListener<Object> listener : listeners) {
                Object written;
                try {
                    written = insert ? listener.beforeInsert(state.instance) : listener.beforeUpdate(state.instance);
                } catch (RuntimeException e) {
                    throw failed(listener, insert ? "inserting" : "updating", state, e);
                }
                if (!state.model.type().isInstance(written)) {
                    throw new QuarryException("Entity listener " + listener.getClass().getName() + " returned "
                            + (written == null ? "null" : "a " + written.getClass().getName()) + " before "
                            + (insert ? "inserting " : "updating ") + describe(state) + "; return the entity (changed "
                            + "or a copy of it)");
                }
                changes.work.replace(state, written);
            }
        }
        return true;
    }

    /** Calls the after-load listeners {@code listeners} (from {@link #of}) for a new object. */
    static void afterLoad(EntityListener<Object>[] listeners, Object entity) {
        for (EntityListener<Object> listener : listeners) {
            listener.afterLoad(entity);
        }
    }

    /** Calls the after-commit listeners of {@code written}, the objects the committed transaction wrote. */
    void afterCommit(List<Object> written) {
        for (Object entity : written) {
            for (EntityListener<Object> listener : of(entity.getClass())) {
                listener.afterCommit(entity);
            }
        }
    }

    private static QuarryException failed(EntityListener<?> listener, String doing, EntityState state,
            RuntimeException cause) {
        if (cause instanceof QuarryException quarry) {
            return quarry;
        }
        return new QuarryException("Entity listener " + listener.getClass().getName() + " failed before " + doing + " "
                + describe(state) + ": " + cause + "; the flush wrote nothing and its transaction was rolled back",
                cause);
    }

    private static String describe(EntityState state) {
        return state.model.type().getSimpleName() + (state.id == null ? " (new)" : " " + state.id);
    }

    /**
     * What the listeners of one flush changed: each object's instance and values before them, put
     * back if the flush fails, so that the objects in memory are as they were before it.
     */
    static final class Changes {

        private final UnitOfWork work;
        private final List<EntityState> states = new ArrayList<>();
        private final List<Object> instances = new ArrayList<>();
        private final List<Object[]> values = new ArrayList<>();

        Changes(UnitOfWork work) {
            this.work = work;
        }

        private void remember(EntityState state) {
            states.add(state);
            instances.add(state.instance);
            if (state.model.isRecord()) {
                values.add(null);
                return;
            }
            List<PropertyModel> properties = state.model.properties();
            Object[] before = new Object[properties.size()];
            for (int i = 0; i < before.length; i++) {
                before[i] = properties.get(i).get(state.instance);
            }
            values.add(before);
        }

        /** Puts back every remembered object as it was before the listeners ran. */
        void undo() {
            for (int i = states.size() - 1; i >= 0; i--) {
                EntityState state = states.get(i);
                Object instance = instances.get(i);
                work.replace(state, instance);
                Object[] before = values.get(i);
                if (before == null) {
                    continue;
                }
                List<PropertyModel> properties = state.model.properties();
                for (int p = 0; p < before.length; p++) {
                    PropertyModel property = properties.get(p);
                    if (property.reference() == null && !property.codec().same(before[p], property.get(instance))) {
                        property.set(instance, before[p]);
                    }
                }
            }
        }
    }
}
