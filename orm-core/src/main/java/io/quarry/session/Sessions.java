package io.quarry.session;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.mapping.EntityModel;
import io.quarry.types.Numbers;

/** Small helpers shared by the session's classes: how objects are named in messages, id conversion. Stateless. */
final class Sessions {

    private Sessions() {
    }

    /** {@code Host@1b6d3586}: the class and identity of an object, never its values. */
    static String describe(Object entity) {
        return entity == null ? "null" : entity.getClass().getSimpleName() + "@"
                + Integer.toHexString(System.identityHashCode(entity));
    }

    /** Copies every column of {@code entity} but the version onto {@code managed} (a reference: the object, not its key). */
    static void copyState(EntityModel<?> model, Object entity, Object managed) {
        for (io.quarry.mapping.PropertyModel property : model.properties()) {
            if (property.reference() != null) {
                property.reference().set(managed, property.reference().get(entity));
            } else if (!property.isVersion()) {
                property.set(managed, property.get(entity));
            }
        }
    }

    /** Whether the object of {@code state} is marked deleted by its {@code @SoftDelete} property (as it is in memory). */
    static boolean markedDeleted(EntityState state) {
        io.quarry.mapping.SoftDeletion deletion = state.model.softDeletion();
        return deletion != null && deletion.isDeleted(deletion.property().get(state.instance));
    }

    /** {@code entity} with {@code property} set to {@code value} (a copy for a record). */
    @SuppressWarnings("unchecked")
    static <T> T with(EntityModel<?> model, Object entity, io.quarry.mapping.PropertyModel property, Object value) {
        return ((EntityModel<T>) model).with((T) entity, property, value);
    }

    /** Zero of a numeric property's type: the value of an unset primitive id or version. */
    static Object zeroOf(Class<?> type) {
        return type == long.class || type == Long.class ? (Object) 0L
                : type == short.class || type == Short.class ? (Object) (short) 0 : (Object) 0;
    }

    /** {@code id} as the exact type of {@code model}'s id; numbers are converted only when nothing is lost. */
    static Object coerceId(EntityModel<?> model, Object id) {
        if (id == null) {
            throw new QuarryException("get(" + model.type().getSimpleName() + ", null): an id is required");
        }
        Class<?> type = model.id().javaType();
        Class<?> boxed = Numbers.boxed(type);
        if (boxed.isInstance(id)) {
            return id;
        }
        if (id instanceof Number number) {
            Object converted = Numbers.convertExactly(number, boxed);
            if (converted != null) {
                return converted;
            }
        }
        throw new MappingException("Id " + id + " (" + id.getClass().getSimpleName() + ") does not fit the id of "
                + model.type().getSimpleName() + ", which is " + type.getSimpleName());
    }
}
