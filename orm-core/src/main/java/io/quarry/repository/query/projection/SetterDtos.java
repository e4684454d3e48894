package io.quarry.repository.query.projection;

import io.quarry.QuarryException;
import io.quarry.repository.query.InvalidQueryMethodException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * DTO classes built as JavaBeans, beside constructor DTOs (as Spring Data's class-based projections): a
 * no-argument constructor, then a setter ({@code setHostname(String)}) or else a non-final field for each
 * property. Used only when no constructor with parameters fits the selected columns. Everything is looked
 * up once, at start-up; building a row is one constructor call and one method-handle call per value.
 */
final class SetterDtos {

    private SetterDtos() {
    }

    /** The properties a setter DTO is filled with, their types, and how a row of values builds one. */
    record Shape(String[] names, Class<?>[] types, Function<Object[], Object> builder) {
    }

    /**
     * The shape of {@code type} as a setter DTO, or {@code null} when it is not one: a record, an interface,
     * an abstract class, or a class without a no-argument constructor or without any settable property.
     */
    static Shape of(Class<?> type) {
        if (type.isRecord() || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        try {
            type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            return null;
        }
        MethodHandles.Lookup lookup;
        MethodHandle create;
        try {
            lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            create = lookup.findConstructor(type, MethodType.methodType(void.class))
                    .asType(MethodType.methodType(Object.class));
        } catch (NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new InvalidQueryMethodException("the no-argument constructor of " + type.getName() + " cannot be "
                    + "called (" + e.getMessage() + "); make it public or open its package");
        }
        Map<String, MethodHandle> setters = new LinkedHashMap<>();
        Map<String, Class<?>> types = new LinkedHashMap<>();
        try {
            for (Method method : type.getMethods()) {
                String name = method.getName();
                if (name.length() > 3 && name.startsWith("set") && Character.isUpperCase(name.charAt(3))
                        && method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
                    String property = Character.toLowerCase(name.charAt(3)) + name.substring(4);
                    if (setters.putIfAbsent(property, lookup.unreflect(method)
                            .asType(MethodType.methodType(void.class, Object.class, Object.class))) == null) {
                        types.put(property, method.getParameterTypes()[0]);
                    }
                }
            }
            for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
                MethodHandles.Lookup fieldLookup = MethodHandles.privateLookupIn(current, MethodHandles.lookup());
                for (Field field : current.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers) || Modifier.isTransient(modifiers)
                            || field.isSynthetic() || setters.containsKey(field.getName())) {
                        continue;
                    }
                    setters.put(field.getName(), fieldLookup.unreflectSetter(field)
                            .asType(MethodType.methodType(void.class, Object.class, Object.class)));
                    types.put(field.getName(), field.getType());
                }
            }
        } catch (IllegalAccessException e) {
            throw new InvalidQueryMethodException("the setters of " + type.getName() + " cannot be called ("
                    + e.getMessage() + "); make them public or open its package");
        }
        if (setters.isEmpty()) {
            return null;
        }
        MethodHandle[] handles = setters.values().toArray(MethodHandle[]::new);
        return new Shape(setters.keySet().toArray(String[]::new), types.values().toArray(Class<?>[]::new),
                values -> build(type, create, handles, values));
    }

    /** A NULL for a primitive property never reaches here: reading the row refuses it, as for constructor DTOs. */
    private static Object build(Class<?> type, MethodHandle create, MethodHandle[] setters, Object[] values) {
        try {
            Object dto = create.invokeExact();
            for (int i = 0; i < setters.length; i++) {
                setters[i].invokeExact(dto, values[i]);
            }
            return dto;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new QuarryException("Filling " + type.getSimpleName() + " failed: " + e, e);
        }
    }
}
