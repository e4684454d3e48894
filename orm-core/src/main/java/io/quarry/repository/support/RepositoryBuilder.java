package io.quarry.repository.support;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.repository.IncludeDeleted;
import io.quarry.repository.LoadWith;
import io.quarry.repository.Lock;
import io.quarry.repository.Modifying;
import io.quarry.repository.Query;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.QueryTimeout;
import io.quarry.repository.Repository;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.DefaultMethodHandler;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.derived.QueryCreator;
import io.quarry.repository.query.handwritten.NativeQueryCreator;
import io.quarry.session.Engine;
import io.quarry.session.FetchPlan;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the {@code Map<Method, MethodHandler>} of a repository interface, resolving every method
 * once: a fragment's implementation, else a default method, else a query-by-example or predicate
 * executor method, else a CRUD base method, else
 * {@link Query} SQL, else a derived query parsed from the name. Collects every method that cannot
 * be implemented and fails with all of them. Used once per proxy; not thread-safe.
 */
final class RepositoryBuilder {

    private final Engine engine;
    private final RepositoryContext context;
    private final Class<?> repository;
    private final List<Object> fragments;
    private final Consumer<Object> domainEvents;
    private Class<?> entity;
    private DomainEventPublication publication;

    RepositoryBuilder(Engine engine, RepositoryContext context, Class<?> repository, List<Object> fragments,
            Consumer<Object> domainEvents) {
        this.engine = engine;
        this.context = context;
        this.repository = repository;
        this.fragments = List.copyOf(fragments);
        this.domainEvents = domainEvents;
    }

    /** The handlers of every method, including toString, equals and hashCode. */
    Map<Method, MethodHandler> build() {
        Types types = new Types(repository);
        EntityModel<?> model = model(types);
        entity = model.type();
        try {
            publication = DomainEventPublication.of(entity, domainEvents, context);
        } catch (InvalidQueryMethodException e) {
            throw new QueryCreationException("Cannot create repository " + repository.getName() + ": " + e.getMessage());
        }
        Creators untimed = new Creators(model, context);
        Map<Integer, Creators> timed = new HashMap<>();
        QueryTimeout repositoryTimeout = repository.getAnnotation(QueryTimeout.class);
        Map<Method, MethodHandler> handlers = new HashMap<>();
        Set<Object> usedFragments = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> failures = new ArrayList<>();
        List<Method> methods = new ArrayList<>(Arrays.asList(repository.getMethods()));
        methods.sort(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())));
        for (Method method : methods) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            try {
                QueryTimeout timeout = method.isAnnotationPresent(QueryTimeout.class)
                        ? method.getAnnotation(QueryTimeout.class) : repositoryTimeout;
                Creators creators = untimed;
                if (timeout != null) {
                    if (timeout.value() <= 0) {
                        throw new InvalidQueryMethodException("@QueryTimeout(" + timeout.value() + ") is not a time "
                                + "limit; give a positive number of seconds");
                    }
                    creators = timed.computeIfAbsent(timeout.value(), seconds -> new Creators(model,
                            new TimedRepositoryContext(context, seconds, repository.getSimpleName()
                                    + "'s @QueryTimeout")));
                }
                LoadWith load = method.getAnnotation(LoadWith.class);
                if (load != null) {
                    checkLoadsEntities(method, types, model);
                    RepositoryContext base = timeout == null ? context : new TimedRepositoryContext(context,
                            timeout.value(), repository.getSimpleName() + "'s @QueryTimeout");
                    creators = new Creators(model, new LoadingRepositoryContext(base, model, fetchPlan(model, load)));
                }
                handlers.put(method, handler(method, types, creators, usedFragments));
            } catch (InvalidQueryMethodException | MappingException e) {
                failures.add("Cannot create query for method [" + repository.getSimpleName() + "." + method.getName()
                        + "]; " + e.getMessage());
            }
        }
        for (Object fragment : fragments) {
            if (!usedFragments.contains(fragment)) {
                failures.add("Fragment " + fragment.getClass().getName() + " implements no method of "
                        + repository.getSimpleName() + "; give its methods the names and parameter types of the "
                        + "repository's methods, or do not pass it");
            }
        }
        if (!failures.isEmpty()) {
            throw new QueryCreationException(String.join("\n", failures));
        }
        addObjectMethods(handlers);
        return handlers;
    }

    /** The entity of the repository, once {@link #build} ran. */
    Class<?> entity() {
        return entity;
    }

    /** What builds the handlers of methods that share one repository context. */
    private final class Creators {
        final QueryCreator creator;
        final CrudMethods crud;
        final NativeQueryCreator handWritten;
        final ExecutorMethods executors;

        Creators(EntityModel<?> model, RepositoryContext context) {
            creator = new QueryCreator(model, engine, context);
            crud = new CrudMethods(creator, context, repository.getSimpleName(),
                    engine.hasEntityListeners(model.type()));
            handWritten = new NativeQueryCreator(engine, context, creator.projections());
            executors = new ExecutorMethods(new ExecutorSupport(model, engine, context, creator.projections(),
                    repository.getSimpleName()), repository);
        }
    }

    private MethodHandler handler(Method method, Types types, Creators creators, Set<Object> usedFragments) {
        for (Object fragment : fragments) {
            MethodHandler handler = FragmentMethodHandler.find(fragment, method);
            if (handler != null) {
                usedFragments.add(fragment);
                return handler;
            }
        }
        if (method.isDefault()) {
            return DefaultMethodHandler.of(method);
        }
        boolean includeDeleted = method.isAnnotationPresent(IncludeDeleted.class);
        if (includeDeleted) {
            checkIncludeDeleted(method, creators);
        }
        MethodHandler executor = creators.executors.handlerFor(method);
        if (executor != null) {
            return executor;
        }
        MethodHandler base = creators.crud.handlerFor(method);
        if (base != null) {
            return publication == null ? base : publication.wrap(method, base);
        }
        String name = repository.getSimpleName() + "." + method.getName();
        Query query = method.getAnnotation(Query.class);
        MethodParameters parameters = MethodParameters.of(method, types);
        ResultShape result = ResultShape.of(types.resolve(method.getGenericReturnType()));
        Lock lock = method.getAnnotation(Lock.class);
        if (query != null) {
            if (lock != null) {
                throw new InvalidQueryMethodException("@Lock does not rewrite @Query SQL; write the lock into it "
                        + "(\"... for update\") and remove @Lock");
            }
            return creators.handWritten.create(name, query, method.getAnnotation(Modifying.class), parameters, result);
        }
        if (method.isAnnotationPresent(Modifying.class)) {
            throw new InvalidQueryMethodException("@Modifying goes with @Query; a derived delete...By or update...By "
                    + "query modifies rows without it");
        }
        return creators.creator.create(name, creators.creator.parse(method.getName()), parameters, result,
                lock == null ? null : lock.value(), includeDeleted);
    }

    /** {@code @IncludeDeleted} goes on derived queries of an entity that soft-deletes, and only there. */
    private static void checkIncludeDeleted(Method method, Creators creators) {
        EntityModel<?> model = creators.creator.model();
        String why = model.softDeletion() == null ? model.type().getSimpleName() + " has no @SoftDelete property, so "
                + "no row is ever marked deleted; remove @IncludeDeleted"
                : method.isAnnotationPresent(Query.class) ? "@Query SQL is never rewritten, so it reads deleted rows "
                + "unless it says otherwise; remove @IncludeDeleted"
                : creators.executors.handlerFor(method) != null || CrudMethods.isBase(method) ? "it applies to derived "
                + "queries, not to the inherited " + method.getName() + "; declare a derived one with it, e.g. "
                + "'@IncludeDeleted List<" + model.type().getSimpleName() + "> findBy()'" : null;
        if (why != null) {
            throw new InvalidQueryMethodException("@IncludeDeleted: " + why);
        }
    }

    /**
     * {@code @LoadWith} loads relations with entities; a method returning a projection (or a count)
     * reads columns, joining its relations itself, so the annotation would silently do nothing.
     */
    private static void checkLoadsEntities(Method method, Types types, EntityModel<?> model) {
        ResultShape result = ResultShape.of(types.resolve(method.getGenericReturnType()));
        if (!result.dynamic() && !result.element().isAssignableFrom(model.type())) {
            throw new InvalidQueryMethodException("@LoadWith loads relations with " + model.type().getSimpleName()
                    + " entities, but the method returns " + result.element().getSimpleName() + ", which reads columns "
                    + "(a projection selects the columns of its relations through joins of its own); remove @LoadWith");
        }
    }

    private FetchPlan fetchPlan(EntityModel<?> model, LoadWith load) {
        try {
            return FetchPlan.of(model, engine.models(), load.value());
        } catch (QuarryException e) {
            throw new InvalidQueryMethodException("@LoadWith: " + e.getMessage());
        }
    }

    private EntityModel<?> model(Types types) {
        TypeVariable<?>[] variables = Repository.class.getTypeParameters();
        Type entity = types.resolve(variables[0]);
        Type id = types.resolve(variables[1]);
        if (!(entity instanceof Class<?>) || !(id instanceof Class<?>)) {
            throw new QueryCreationException("Cannot create repository " + repository.getName() + ": it must extend "
                    + "Repository<T, ID> (or CrudRepository<T, ID>) naming the entity and id types, e.g. interface "
                    + repository.getSimpleName() + " extends CrudRepository<Host, Long>");
        }
        EntityModel<?> model;
        try {
            model = engine.model((Class<?>) entity);
        } catch (MappingException e) {
            throw new QueryCreationException("Cannot create repository " + repository.getName() + ": " + e.getMessage(), e);
        }
        Class<?> declared = Types.boxed((Class<?>) id);
        if (declared != Object.class && declared != Types.boxed(model.id().javaType())) {
            throw new QueryCreationException("Cannot create repository " + repository.getName() + ": it declares id type "
                    + declared.getSimpleName() + " but the id '" + model.id().name() + "' of "
                    + model.type().getSimpleName() + " is " + model.id().javaType().getSimpleName() + "; declare "
                    + Types.boxed(model.id().javaType()).getSimpleName());
        }
        return model;
    }

    private void addObjectMethods(Map<Method, MethodHandler> handlers) {
        try {
            String description = repository.getSimpleName() + " (Quarry repository)";
            handlers.put(Object.class.getMethod("toString"), (proxy, args) -> description);
            handlers.put(Object.class.getMethod("hashCode"), (proxy, args) -> System.identityHashCode(proxy));
            handlers.put(Object.class.getMethod("equals", Object.class), (proxy, args) -> proxy == args[0]);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
