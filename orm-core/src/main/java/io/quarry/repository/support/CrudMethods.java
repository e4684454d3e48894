package io.quarry.repository.support;

import io.quarry.OptimisticLockException;
import io.quarry.mapping.Cascade;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.derived.QueryCreator;
import io.quarry.session.StatementSession;
import io.quarry.sql.Sql;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The implementations of {@link CrudRepository} and {@link PagingAndSortingRepository}, also used
 * when an interface redeclares one of their methods with its own types. Reads and bulk deletes
 * are derived queries built from synthetic names ({@code findByIdIn}, {@code deleteById}), so
 * their SQL is rendered once like any other; saves and entity deletes go through the session.
 * Thread-safe.
 */
final class CrudMethods {

    private static final List<Method> BASE = new ArrayList<>();

    static {
        BASE.addAll(List.of(PagingAndSortingRepository.class.getDeclaredMethods()));
        BASE.addAll(List.of(CrudRepository.class.getDeclaredMethods()));
    }

    private final EntityModel<Object> model;
    private final RepositoryContext context;
    private final QueryCreator creator;
    private final String repository;
    /** Whether an entity listener sees the entity: its deletes by id then load the objects so that before-delete runs. */
    private final boolean listened;

    @SuppressWarnings("unchecked")
    CrudMethods(QueryCreator creator, RepositoryContext context, String repository, boolean listened) {
        this.listened = listened;
        this.model = (EntityModel<Object>) creator.model();
        this.context = context;
        this.creator = creator;
        this.repository = repository;
    }

    /** Whether {@code method} has the name and arity of a base method (for descriptions only). */
    static boolean isBase(Method method) {
        for (Method base : BASE) {
            if (base.getName().equals(method.getName()) && base.getParameterCount() == method.getParameterCount()) {
                return true;
            }
        }
        return false;
    }

    /** The handler for {@code method} when it is (or redeclares) a base method; otherwise null. */
    MethodHandler handlerFor(Method method) {
        for (Method base : BASE) {
            if (base.getName().equals(method.getName()) && base.getParameterCount() == method.getParameterCount()
                    && (base.equals(method) || redeclares(method, base))) {
                return create(base);
            }
        }
        return null;
    }

    private boolean redeclares(Method method, Method base) {
        Type[] parameters = base.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            if (!Types.boxed(resolve(parameters[i])).isAssignableFrom(Types.boxed(method.getParameterTypes()[i]))) {
                return false;
            }
        }
        Class<?> returned = resolve(base.getGenericReturnType());
        return Types.boxed(method.getReturnType()).isAssignableFrom(Types.boxed(returned));
    }

    /** T and S are the entity, ID the id type. */
    private Class<?> resolve(Type type) {
        if (type instanceof TypeVariable<?> variable) {
            return variable.getName().equals("ID") ? Types.boxed(model.id().javaType()) : model.type();
        }
        return Types.raw(type);
    }

    private MethodHandler create(Method base) {
        String id = capitalize(model.id().name());
        String name = base.getName() + "/" + base.getParameterCount()
                + (base.getParameterCount() == 1 ? base.getParameterTypes()[0].getSimpleName() : "");
        return switch (name) {
            case "save/1Object" -> (proxy, args) -> context.inTransaction(session ->
                    session.flush(List.of(save(session, entity(args[0], "save")))).get(0));
            case "saveAll/1Iterable" -> (proxy, args) -> context.inTransaction(session -> session.flush(saveAll(session,
                    entities(args[0], "saveAll"))));
            case "insert/1Object" -> (proxy, args) -> context.inTransaction(session ->
                    session.flush(List.of(session.add(entity(args[0], "insert")))).get(0));
            case "insertAll/1Iterable" -> (proxy, args) -> context.inTransaction(session -> {
                List<Object> added = new ArrayList<>();
                for (Object entity : entities(args[0], "insertAll")) {
                    added.add(session.add(entity));
                }
                return session.flush(added);
            });
            case "findById/1Object" -> findById(derived("findBy" + id, base, oneId(), ResultShape.Kind.OPTIONAL));
            case "existsById/1Object" -> idRequired(derived("existsBy" + id, base, oneId(), ResultShape.Kind.ONE),
                    "existsById");
            case "findAll/0" -> derived("findBy", base, none(), ResultShape.Kind.LIST);
            case "findAllById/1Iterable" -> derived("findBy" + id + "In", base, ids(), ResultShape.Kind.LIST);
            case "count/0" -> derived("countBy", base, none(), ResultShape.Kind.ONE);
            case "deleteById/1Object" -> cascadesDeletes()
                    ? (proxy, args) -> context.inTransaction(session -> deleteLoaded(session,
                            List.of(requireId(args[0], "deleteById"))))
                    : idRequired(derived("deleteBy" + id, base, oneId(), ResultShape.Kind.VOID), "deleteById");
            case "deleteAllById/1Iterable" -> cascadesDeletes()
                    ? (proxy, args) -> context.inTransaction(session -> deleteLoaded(session,
                            entities(args[0], "deleteAllById")))
                    : derived("deleteBy" + id + "In", base, ids(), ResultShape.Kind.VOID);
            case "deleteAll/0" -> cascadesDeletes()
                    ? (proxy, args) -> context.inTransaction(session -> {
                        session.query(model.type()).all().forEach(session::delete);
                        return null;
                    })
                    : derived("deleteBy", base, none(), ResultShape.Kind.VOID);
            case "delete/1Object" -> (proxy, args) -> context.inTransaction(session -> {
                delete(session, entity(args[0], "delete"));
                return null;
            });
            case "deleteAll/1Iterable" -> (proxy, args) -> context.inTransaction(session -> {
                for (Object entity : entities(args[0], "deleteAll")) {
                    delete(session, entity);
                }
                return null;
            });
            case "findAll/1Sort" -> derived("findBy", base, new MethodParameters(List.of(), 1, 0, -1, -1, -1),
                    ResultShape.Kind.LIST);
            case "findAll/1Pageable" -> derived("findBy", base, new MethodParameters(List.of(), 1, -1, 0, -1, -1),
                    ResultShape.Kind.PAGE);
            default -> throw new IllegalStateException("no implementation of " + base);
        };
    }

    private MethodHandler derived(String name, Method base, MethodParameters parameters, ResultShape.Kind kind) {
        Class<?> element = switch (base.getName()) {
            case "count" -> long.class;
            case "existsById" -> boolean.class;
            default -> model.type();
        };
        return creator.create(repository + "." + base.getName(), creator.parse(name), parameters,
                ResultShape.of(kind, element));
    }

    private static MethodParameters oneId() {
        return new MethodParameters(List.of(new MethodParameters.Bindable(0, "id", Object.class, Object.class)), 1, -1, -1,
                -1, -1);
    }

    private static MethodParameters ids() {
        return new MethodParameters(List.of(new MethodParameters.Bindable(0, "ids", Iterable.class, Iterable.class)), 1,
                -1, -1, -1, -1);
    }

    private static MethodParameters none() {
        return new MethodParameters(List.of(), 0, -1, -1, -1, -1);
    }

    private MethodHandler findById(MethodHandler query) {
        return runningSqlOf(query, (proxy, args) -> {
            Object id = requireId(args[0], "findById");
            if (context.currentSession() != null) {
                // the identity map may answer without SQL; through read(), so a @QueryTimeout applies to its SQL
                return Optional.ofNullable(context.read(session -> session.get(model.type(), id)));
            }
            return query.invoke(proxy, args);
        });
    }

    /** {@code handler}, which runs {@code query}'s statements, described by them. */
    private static MethodHandler runningSqlOf(MethodHandler query, MethodHandler handler) {
        return new MethodHandler() {
            @Override
            public Object invoke(Object proxy, Object[] args) throws Throwable {
                return handler.invoke(proxy, args);
            }

            @Override
            public List<String> sql() {
                return query.sql();
            }
        };
    }

    private MethodHandler idRequired(MethodHandler query, String method) {
        return runningSqlOf(query, (proxy, args) -> {
            requireId(args[0], method);
            return query.invoke(proxy, args);
        });
    }

    private Object requireId(Object id, String method) {
        if (id == null) {
            throw new InvalidArgumentException(repository + "." + method + "(null): an id is required");
        }
        return id;
    }

    /**
     * Inserts new entities without a SELECT (new as Spring Data decides: {@code Persistable.isNew()}, else
     * an unset version, else an unset id), so a second insert of an id fails as a duplicate key; updates
     * held ones at flush; merges detached ones.
     */
    private Object save(StatementSession session, Object entity) {
        if (session.contains(entity)) {
            return entity;
        }
        if (model.hasUnsetId(entity) || model.isNew(entity)) {
            return session.add(entity);
        }
        if (model.version() != null) {
            // merge copies every other property, so a stale copy would silently overwrite newer changes
            Object managed = session.get(model.type(), model.idOf(entity));
            if (managed != null) {
                checkVersion(entity, managed, "save");
            }
        }
        return session.merge(entity);
    }

    private List<Object> saveAll(StatementSession session, List<Object> entities) {
        List<Object> managed = new ArrayList<>(entities.size());
        for (Object entity : entities) {
            managed.add(save(session, entity));
        }
        return managed;
    }

    /**
     * Whether deleting this entity must go through the session: a relation cascades the delete, so
     * the rows it reaches go too, or an entity listener must see the deleted objects (as Spring Data
     * JPA's {@code deleteById} loads and removes). Without either, deletes by id stay one statement.
     */
    private boolean cascadesDeletes() {
        return listened || model.relations().stream().anyMatch(relation -> relation.cascades(Cascade.DELETE));
    }

    /** Loads the objects with {@code ids} in one statement and deletes them through the session (cascades apply). */
    private Object deleteLoaded(StatementSession session, List<Object> ids) {
        if (!ids.isEmpty()) {
            List<Object> keys = new ArrayList<>(ids.size());
            for (Object id : ids) {
                keys.add(Coercions.convert(id, Types.boxed(model.id().javaType()), repository + " id"));
            }
            session.query(model.type()).filter(Sql.col(model.id().name()).in(keys)).all().forEach(session::delete);
        }
        return null;
    }

    private void delete(StatementSession session, Object entity) {
        if (session.contains(entity)) {
            session.delete(entity);
            return;
        }
        if (model.hasUnsetId(entity)) {
            return;
        }
        Object id = model.idOf(entity);
        Object managed = session.get(model.type(), id);
        if (managed == null) {
            return;
        }
        checkVersion(entity, managed, "delete");
        session.delete(managed);
    }

    private void checkVersion(Object entity, Object managed, String operation) {
        PropertyModel version = model.version();
        if (version != null && !Objects.equals(version.get(entity), version.get(managed))) {
            Object id = model.idOf(entity);
            throw new OptimisticLockException(model.type(), id, "Cannot " + operation + " " + model.type().getSimpleName()
                    + " " + id + ": it was changed since it was loaded (version " + version.get(entity) + ", now "
                    + version.get(managed) + "); reload it and apply the change again");
        }
    }

    private Object entity(Object entity, String method) {
        if (entity == null) {
            throw new InvalidArgumentException(repository + "." + method + "(null): an entity is required");
        }
        if (!model.type().isInstance(entity)) {
            throw new InvalidArgumentException(repository + "." + method + ": " + entity.getClass().getSimpleName()
                    + " is not a " + model.type().getSimpleName());
        }
        return entity;
    }

    private List<Object> entities(Object entities, String method) {
        if (entities == null) {
            throw new InvalidArgumentException(repository + "." + method + "(null): pass an empty list for none");
        }
        List<Object> all = new ArrayList<>();
        for (Object entity : (Iterable<?>) entities) {
            all.add(entity(entity, method));
        }
        return all;
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
