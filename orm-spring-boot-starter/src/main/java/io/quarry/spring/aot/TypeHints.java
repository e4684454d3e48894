package io.quarry.spring.aot;

import io.quarry.mapping.Entity;
import io.quarry.repository.Repository;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.Set;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.core.ResolvableType;

/**
 * Registers the hints of entity, repository and projection types, each type once, following what the
 * mapping and the repository proxies reach from them: relation targets, the entity a repository
 * manages, the projections its methods return and the projections nested in those. Not thread-safe;
 * one per contribution.
 */
final class TypeHints {

    private static final MemberCategory[] MAPPED = {MemberCategory.ACCESS_DECLARED_FIELDS,
            MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_DECLARED_METHODS};
    private static final MemberCategory[] INTERFACE = {MemberCategory.INVOKE_PUBLIC_METHODS,
            MemberCategory.INVOKE_DECLARED_METHODS};

    private final RuntimeHints hints;
    private final Set<Class<?>> done = new HashSet<>();

    TypeHints(RuntimeHints hints) {
        this.hints = hints;
    }

    /** An entity class, its superclasses, the enums it stores and the entities its relations reach. */
    void entity(Class<?> type) {
        for (Class<?> current = type; current != null && !isPlatform(current); current = current.getSuperclass()) {
            if (!done.add(current)) {
                return;
            }
            hints.reflection().registerType(current, MAPPED);
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    valueType(ResolvableType.forField(field));
                }
            }
        }
    }

    /**
     * A repository interface: its proxy, its methods and those of the interfaces it extends (Quarry's too: their
     * default methods run through method handles), its entity, its projections.
     */
    void repository(Class<?> repositoryInterface) {
        hints.proxies().registerJdkProxy(repositoryInterface);
        interfaceMethods(repositoryInterface);
        Class<?> entity = ResolvableType.forClass(repositoryInterface).as(Repository.class).resolveGeneric(0);
        if (entity != null) {
            entity(entity);
        }
        for (Method method : repositoryInterface.getMethods()) {
            if (!isQuarryType(method.getDeclaringClass())) {
                result(ResolvableType.forMethodReturnType(method, repositoryInterface));
            }
        }
    }

    private void interfaceMethods(Class<?> type) {
        if (isPlatform(type) || !done.add(type)) {
            return;
        }
        hints.reflection().registerType(type, INTERFACE);
        for (Class<?> extended : type.getInterfaces()) {
            interfaceMethods(extended);
        }
    }

    /** What a repository method returns, and what its generics name (List, Optional, Page, Stream of ...). */
    private void result(ResolvableType type) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        if (raw.isArray()) {
            result(type.getComponentType());
            return;
        }
        for (ResolvableType generic : type.getGenerics()) {
            result(generic);
        }
        if (raw.isPrimitive() || isPlatform(raw) || isQuarryType(raw)) {
            return;
        }
        if (raw.isAnnotationPresent(Entity.class)) {
            entity(raw);
        } else if (raw.isInterface()) {
            projectionInterface(raw);
        } else if (raw.isEnum()) {
            enumType(raw);
        } else {
            dto(raw);
        }
    }

    /** An interface projection: a JDK proxy whose getters may return nested projections. */
    private void projectionInterface(Class<?> type) {
        if (!done.add(type)) {
            return;
        }
        hints.proxies().registerJdkProxy(type);
        hints.reflection().registerType(type, INTERFACE);
        for (Method getter : type.getMethods()) {
            result(ResolvableType.forMethodReturnType(getter, type));
        }
    }

    /** A record or class DTO, built through its constructor or its setters (fields of superclasses too). */
    private void dto(Class<?> type) {
        for (Class<?> current = type; current != null && !isPlatform(current); current = current.getSuperclass()) {
            if (!done.add(current)) {
                return;
            }
            hints.reflection().registerType(current, MAPPED);
            for (Method accessor : current.getDeclaredMethods()) {
                if (!Modifier.isStatic(accessor.getModifiers()) && accessor.getParameterCount() == 0) {
                    result(ResolvableType.forMethodReturnType(accessor, current));
                }
            }
        }
    }

    private void enumType(Class<?> type) {
        if (done.add(type)) {
            hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
    }

    /** A field's type: an entity (a relation), a collection of entities, or an enum stored by name or ordinal. */
    private void valueType(ResolvableType type) {
        for (ResolvableType generic : type.getGenerics()) {
            valueType(generic);
        }
        Class<?> raw = type.resolve();
        if (raw == null || raw.isPrimitive() || isPlatform(raw)) {
            return;
        }
        if (raw.isAnnotationPresent(Entity.class)) {
            entity(raw);
        } else if (raw.isEnum()) {
            enumType(raw);
        }
    }

    private static boolean isPlatform(Class<?> type) {
        String name = type.getName();
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
    }

    /** Quarry's own API types (Page, Slice, CrudRepository...): they come with Quarry, not with the application. */
    private static boolean isQuarryType(Class<?> type) {
        return type.getPackageName().equals(Repository.class.getPackageName());
    }
}
