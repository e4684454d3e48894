package io.quarry.session;

import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.Fetch;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.sql.RelationSelect;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the relations of the objects one query read, for all of them at once (the {@code selectin}
 * strategy): per relation one {@code IN} statement per chunk of keys, whatever the number of
 * objects, and the same again one level down for what those statements read. References are
 * always loaded (a reference field cannot notice its first access); collections with the query
 * when declared {@link Fetch#SELECTIN} or named by the query's plan, else on first access for
 * every owner of the query at once. Targets the session already holds are taken from the identity
 * map without a statement. Not thread-safe; one per query.
 */
final class RelationLoader {

    /**
     * Keys per IN list: a thousand owners take one statement per relation, and every database
     * accepts the list (their limits are 32,767 parameters and more).
     */
    static final int CHUNK = 1000;

    private final SessionSupport session;
    private final boolean track;
    /**
     * The objects this load has read or been given, by entity and id: a reference to one of them
     * costs no statement, even when they are not in the identity map (untracked reads).
     */
    private final Map<EntityState.EntityKey, Object> known = new HashMap<>();

    RelationLoader(SessionSupport session, boolean track) {
        this.session = session;
        this.track = track;
    }

    /**
     * Resolves the relations of {@code model}'s objects: {@code fresh} built from the rows
     * {@code values} (one per property), {@code held} returned from the identity map as they were.
     */
    void load(EntityModel<?> model, List<Object> fresh, List<Object[]> values, List<Object> held, FetchPlan plan) {
        for (Object object : fresh) {
            known.put(new EntityState.EntityKey(model.type(), model.idOf(object)), object);
        }
        for (Object object : held) {
            known.put(new EntityState.EntityKey(model.type(), model.idOf(object)), object);
        }
        for (RelationModel relation : model.relations()) {
            if (relation.isReference()) {
                if (!plan.joins(relation.name())) { // else read from the owners' own rows (JoinedReferences)
                    loadReferences(model, relation, values, held, plan.child(relation.name()),
                            (i, referenced) -> relation.set(fresh.get(i), referenced));
                }
                continue;
            }
            boolean eager = relation.fetch() == Fetch.SELECTIN || plan.names(relation.name());
            if (eager) {
                List<Object> owners = new ArrayList<>(fresh);
                for (Object owner : held) {
                    if (relation.get(owner) instanceof RelationCollection collection && !collection.isLoaded()) {
                        owners.add(owner);
                    }
                }
                loadCollections(relation, owners, plan.child(relation.name()));
            } else if (!fresh.isEmpty()) {
                LazyBatch batch = new LazyBatch(relation, fresh);
                for (Object owner : fresh) {
                    relation.set(owner, RelationCollection.lazy(relation, batch));
                }
            }
        }
    }

    /**
     * Resolves the references of records not built yet: each row's {@code values} get the referenced
     * object in place of its key, ready for the canonical constructor (a record cannot be given its
     * references afterwards); {@code held} are records of the entity returned as they were.
     */
    void loadRecordReferences(EntityModel<?> model, List<Object[]> values, List<Object> held, FetchPlan plan) {
        for (Object object : held) {
            known.put(new EntityState.EntityKey(model.type(), model.idOf(object)), object);
        }
        for (RelationModel relation : model.relations()) {
            if (!plan.joins(relation.name())) { // else the joined reader put the object there
                int position = relation.foreignKey().position();
                loadReferences(model, relation, values, held, plan.child(relation.name()),
                        (i, referenced) -> values.get(i)[position] = referenced);
            }
        }
    }

    // ---- references

    /** Sets the reference of the owner read as row {@code index}. */
    private interface Assignment {
        void set(int index, Object referenced);
    }

    private void loadReferences(EntityModel<?> model, RelationModel relation, List<Object[]> values,
            List<Object> held, FetchPlan plan, Assignment assignment) {
        PropertyModel key = relation.foreignKey();
        EntityModel<Object> target = objectModel(session.engine().model(relation.target()));
        Map<Object, Object> byKey = new HashMap<>();
        if (relation.target() == model.type()) { // records cannot be referenced: these are plain objects
            for (int i = 0; i < values.size(); i++) {
                byKey.put(values.get(i)[model.id().position()], known.get(new EntityState.EntityKey(model.type(),
                        values.get(i)[model.id().position()])));
            }
        }
        Set<Object> missing = new LinkedHashSet<>();
        List<Object> heldTargets = new ArrayList<>();
        for (Object[] row : values) {
            Object id = row[key.position()];
            if (id != null && !byKey.containsKey(id) && !missing.contains(id)) {
                Object known = heldInstance(target, id);
                if (known != null) {
                    byKey.put(id, known);
                    heldTargets.add(known);
                } else {
                    missing.add(id);
                }
            }
        }
        for (Object owner : held) {
            Object referenced = relation.get(owner);
            if (referenced != null) {
                heldTargets.add(referenced);
            }
        }
        List<Object> loaded = new ArrayList<>();
        List<Object> alsoResolve = plan.isEmpty() ? List.of() : distinct(heldTargets);
        List<List<Object>> chunks = chunks(new ArrayList<>(missing));
        for (int i = 0; i < chunks.size(); i++) {
            SqlStatement statement = RelationSelect.byKeys(session.engine().dialect(), target, target.id(), chunks.get(i));
            // targets already held get what the plan names under them with the first chunk's
            List<Object> resolveToo = alsoResolve;
            loaded.addAll(chunk(i, () -> read(target, statement, relation, plan, resolveToo)));
            alsoResolve = List.of();
        }
        loaded.forEach(object -> byKey.put(target.idOf(object), object));
        if (!alsoResolve.isEmpty()) {
            load(target, List.of(), List.of(), alsoResolve, plan);
        }
        for (int i = 0; i < values.size(); i++) {
            Object id = values.get(i)[key.position()];
            if (id == null) {
                continue;
            }
            Object referenced = byKey.get(id);
            if (referenced == null) {
                throw new QuarryException(model.type().getSimpleName() + " " + values.get(i)[model.id().position()]
                        + " refers to "
                        + target.type().getSimpleName() + " " + id + " (column " + key.column() + "), which does not exist; "
                        + "add a foreign-key constraint (createAll adds one) or repair the row");
            }
            assignment.set(i, referenced);
        }
    }

    private Object heldInstance(EntityModel<?> model, Object id) {
        Object loaded = known.get(new EntityState.EntityKey(model.type(), id));
        if (loaded != null) {
            return loaded;
        }
        if (!session.options().identityMap()) {
            return null;
        }
        EntityState state = session.work().held(new EntityState.EntityKey(model.type(), id));
        return state == null ? null : state.instance;
    }

    // ---- collections

    /** Loads {@code relation} for {@code owners} and sets each owner's collection, loaded. */
    void loadCollections(RelationModel relation, List<Object> owners, FetchPlan plan) {
        if (owners.isEmpty()) {
            return;
        }
        EntityModel<Object> ownerModel = objectModel(session.engine().model(relation.owner()));
        EntityModel<Object> element = objectModel(session.engine().model(relation.target()));
        Map<Object, List<Object>> byOwner = new HashMap<>();
        List<Object> keys = new ArrayList<>(owners.size());
        for (Object owner : owners) {
            Object id = ownerModel.idOf(owner);
            if (id != null && byOwner.putIfAbsent(id, new ArrayList<>()) == null) {
                keys.add(id);
            }
        }
        List<List<Object>> chunks = chunks(keys);
        for (int i = 0; i < chunks.size(); i++) {
            List<Object> chunk = chunks.get(i);
            if (relation.kind() == RelationModel.Kind.ONE_TO_MANY) {
                PropertyModel back = element.property(relation.mappedBy());
                SqlStatement statement = RelationSelect.byKeys(session.engine().dialect(), element, back, chunk);
                chunk(i, () -> {
                    readByOwner(element, statement, relation, plan, back, byOwner);
                    return null;
                });
            } else {
                chunk(i, () -> {
                    readThroughJoinTable(relation, ownerModel, element, chunk, byOwner, plan);
                    return null;
                });
            }
        }
        for (Object owner : owners) {
            List<Object> elements = byOwner.getOrDefault(ownerModel.idOf(owner), List.of());
            // a read-only session never flushes, so it needs no record of the loaded elements to compare with
            EntityState state = track && !session.options().readOnly() ? session.work().stateOf(owner) : null;
            if (state != null) {
                state.collectionSnapshot(relation, elements);
            }
            if (relation.get(owner) instanceof RelationCollection collection) {
                collection.loaded(elements);
            } else {
                relation.set(owner, RelationCollection.of(relation, elements));
            }
        }
    }

    private void readThroughJoinTable(RelationModel relation, EntityModel<Object> ownerModel, EntityModel<Object> element,
            List<Object> keys, Map<Object, List<Object>> byOwner, FetchPlan plan) {
        RelationModel.JoinTable join = relation.isOwning() ? relation.joinTable()
                : element.relation(relation.mappedBy()).joinTable();
        SqlStatement statement = RelationSelect.throughJoinTable(session.engine().dialect(), element, join,
                relation.isOwning(), ownerModel.id().codec(), keys);
        Codec<Object> ownerKey = ownerModel.id().codec();
        Codec<Object> elementId = element.id().codec();
        int idColumn = element.id().position() + 2;
        int[] columns = new int[element.properties().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i + 2;
        }
        RowLoader<Object> loader = RowLoader.atColumns(session, element, track, columns);
        session.runQuery(task(relation), statement, SessionSupport.NO_ARGS, (ResultSet resultSet) -> {
            Map<Object, Object> seen = new HashMap<>();
            while (resultSet.next()) {
                Object owner = ownerKey.read(resultSet, 1);
                Object id = elementId.read(resultSet, idColumn);
                Object object = seen.get(id);
                if (object == null) {
                    object = loader.map(resultSet);
                    seen.put(id, object);
                }
                byOwner.get(owner).add(object);
            }
            return null;
        });
        loader.resolve(this, plan, List.of());
    }

    /**
     * Reads the elements of a one-to-many collection, each into the list of the owner its foreign key
     * ({@code back}) names in the row. The key comes from the row, not from the element's reference:
     * an element the session held before this load (a row of the query itself, for a path back to the
     * queried entity such as {@code with("datacenter.hosts")} from hosts) has its reference set only
     * after this load returns.
     */
    private void readByOwner(EntityModel<Object> model, SqlStatement statement, RelationModel relation,
            FetchPlan plan, PropertyModel back, Map<Object, List<Object>> byOwner) {
        RowLoader<Object> loader = RowLoader.atColumns(session, model, track, model.positionalColumns());
        Codec<Object> key = back.codec();
        int column = model.positionalColumns()[back.position()];
        session.runQuery(task(relation), statement, SessionSupport.NO_ARGS, resultSet -> {
            while (resultSet.next()) {
                Object owner = key.read(resultSet, column);
                Object element = loader.map(resultSet);
                List<Object> list = byOwner.get(owner);
                if (list != null) {
                    list.add(element);
                }
            }
            return null;
        });
        loader.resolve(this, plan, List.of());
    }

    /** The rows of {@code model} that {@code statement} selects (properties in order), their relations resolved. */
    private List<Object> read(EntityModel<Object> model, SqlStatement statement, RelationModel relation, FetchPlan plan,
            List<Object> held) {
        RowLoader<Object> loader = RowLoader.atColumns(session, model, track, model.positionalColumns());
        List<Object> rows = session.runQuery(task(relation), statement, SessionSupport.NO_ARGS, resultSet -> {
            List<Object> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(loader.map(resultSet));
            }
            return result;
        });
        loader.resolve(this, plan, held);
        return rows;
    }

    /**
     * Runs the read of chunk {@code index}: the first counts towards the N+1 detector, the others
     * are the same load split for a long key list, not a statement repeated per object.
     */
    private <R> R chunk(int index, java.util.function.Supplier<R> read) {
        return index == 0 ? read.get() : session.withoutNPlusOneCount(read);
    }

    private static String task(RelationModel relation) {
        return "load " + relation.owner().getSimpleName() + "." + relation.name();
    }

    private static List<List<Object>> chunks(List<Object> keys) {
        List<List<Object>> chunks = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static List<Object> distinct(List<Object> objects) {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        List<Object> result = new ArrayList<>();
        for (Object object : objects) {
            if (seen.put(object, Boolean.TRUE) == null) {
                result.add(object);
            }
        }
        return result;
    }

    /** The owners of one lazy relation from one query: the first access loads them all. */
    private final class LazyBatch implements RelationCollection.Batch {

        private final RelationModel relation;
        private final List<Object> owners;

        LazyBatch(RelationModel relation, List<Object> owners) {
            this.relation = relation;
            this.owners = List.copyOf(owners);
        }

        @Override
        public void load(Object trigger) {
            if (session.closed()) {
                Object owner = owners.stream().filter(o -> relation.get(o) == trigger).findFirst().orElse(null);
                throw new io.quarry.SessionStateException("Cannot load " + relation.owner().getSimpleName() + "."
                        + relation.name() + (owner == null ? "" : " of " + relation.owner().getSimpleName() + " "
                        + session.engine().model(relation.owner()).idOf(owner))
                        + ": the session that loaded it is closed. Load it with the query "
                        + "(query(" + relation.owner().getSimpleName() + ".class).with(\"" + relation.name() + "\")) or "
                        + "declare it fetch = SELECTIN");
            }
            List<Object> unloaded = new ArrayList<>();
            for (Object owner : owners) {
                if (relation.get(owner) instanceof RelationCollection collection && !collection.isLoaded()) {
                    unloaded.add(owner);
                }
            }
            loadCollections(relation, unloaded, FetchPlan.NONE);
        }
    }

    /** Whether {@code collection} is one of the session's that has not been loaded yet. */
    static boolean isUnloaded(java.util.Collection<?> collection) {
        return collection instanceof RelationCollection relation && !relation.isLoaded();
    }

    @SuppressWarnings("unchecked")
    static EntityModel<Object> objectModel(EntityModel<?> model) {
        return (EntityModel<Object>) model;
    }
}
