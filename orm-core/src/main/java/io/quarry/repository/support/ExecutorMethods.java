package io.quarry.repository.support;

import io.quarry.repository.Example;
import io.quarry.repository.FluentQuery;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.Pageable;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.Sort;
import io.quarry.repository.query.MethodHandler;
import io.quarry.sql.Predicate;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.function.Function;

/**
 * The implementations of {@link QueryByExampleExecutor} and {@link PredicateExecutor}, also when
 * an interface redeclares one of their methods with the same parameter types. They are never
 * parsed as derived queries. Thread-safe.
 */
final class ExecutorMethods {

    private final ExecutorSupport support;
    private final Class<?> repository;

    ExecutorMethods(ExecutorSupport support, Class<?> repository) {
        this.support = support;
        this.repository = repository;
    }

    /** The handler for {@code method} when it is an executor method the repository extends; otherwise null. */
    MethodHandler handlerFor(Method method) {
        if (declares(QueryByExampleExecutor.class, method)) {
            return exampleMethod(method);
        }
        if (declares(PredicateExecutor.class, method)) {
            return predicateMethod(method);
        }
        return null;
    }

    private boolean declares(Class<?> executor, Method method) {
        if (!executor.isAssignableFrom(repository)) {
            return false;
        }
        for (Method declared : executor.getMethods()) {
            if (declared.getName().equals(method.getName())
                    && Arrays.equals(declared.getParameterTypes(), method.getParameterTypes())) {
                return true;
            }
        }
        return false;
    }

    private MethodHandler exampleMethod(Method method) {
        String name = method.getName();
        Class<?>[] parameters = method.getParameterTypes();
        String second = parameters.length > 1 ? parameters[1].getSimpleName() : "";
        return switch (name + "/" + second) {
            case "findOne/" -> (proxy, args) -> example(args, name).one();
            case "findAll/" -> (proxy, args) -> example(args, name).all();
            case "findAll/Sort" -> (proxy, args) -> example(args, name).sortBy(sort(args[1], name)).all();
            case "findAll/Pageable" -> (proxy, args) -> example(args, name).page((Pageable) args[1]);
            case "count/" -> (proxy, args) -> example(args, name).count();
            case "exists/" -> (proxy, args) -> example(args, name).exists();
            case "findBy/Function" -> (proxy, args) -> fluent(example(args, name), args[1], name);
            default -> throw new IllegalStateException("no implementation of " + method);
        };
    }

    private MethodHandler predicateMethod(Method method) {
        String name = method.getName();
        Class<?>[] parameters = method.getParameterTypes();
        String second = parameters.length > 1 ? parameters[1].getSimpleName() : "";
        return switch (name + "/" + second) {
            case "findOne/" -> (proxy, args) -> predicate(args, name).one();
            case "findAll/" -> (proxy, args) -> predicate(args, name).all();
            case "findAll/Sort" -> (proxy, args) -> predicate(args, name).sortBy(sort(args[1], name)).all();
            case "findAll/Pageable" -> (proxy, args) -> predicate(args, name).page((Pageable) args[1]);
            case "count/" -> (proxy, args) -> predicate(args, name).count();
            case "exists/" -> (proxy, args) -> predicate(args, name).exists();
            case "delete/" -> (proxy, args) -> support.delete((Predicate) args[0], name);
            case "findBy/Function" -> (proxy, args) -> fluent(predicate(args, name), args[1], name);
            default -> throw new IllegalStateException("no implementation of " + method);
        };
    }

    private ExecutorQuery<Object> example(Object[] args, String method) {
        @SuppressWarnings("unchecked")
        Example<Object> example = (Example<Object>) args[0];
        return support.byExample(example, method);
    }

    private ExecutorQuery<Object> predicate(Object[] args, String method) {
        return support.byPredicate((Predicate) args[0], method);
    }

    private Sort sort(Object sort, String method) {
        if (sort == null) {
            throw new InvalidArgumentException(support.model().type().getSimpleName() + " " + method
                    + ": the Sort is null; pass Sort.unsorted() for no order");
        }
        return (Sort) sort;
    }

    @SuppressWarnings("unchecked")
    private static Object fluent(ExecutorQuery<Object> query, Object function, String method) {
        if (function == null) {
            throw new InvalidArgumentException("findBy(..., null): pass a function that ends the query, such as "
                    + "q -> q.all()");
        }
        return ((Function<FluentQuery.FetchableFluentQuery<Object>, Object>) function).apply(query);
    }
}
