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
