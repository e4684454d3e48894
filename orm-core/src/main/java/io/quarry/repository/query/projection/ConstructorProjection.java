package io.quarry.repository.query.projection;

import io.quarry.QuarryException;
import io.quarry.mapping.PropertyModel;
import io.quarry.session.ResultMapper;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * A record or class built through the constructor whose parameter names match the selected
 * properties (or, for hand-written SQL, column labels). The constructor handle is made once.
 * Immutable and thread-safe.
 */
final class ConstructorProjection implements Projection {

    private final Class<?> type;
    private final Slots slots;
    private final MethodHandle constructor;

    ConstructorProjection(Class<?> type, Slots slots, MethodHandle constructor) {
        this.type = type;
        this.slots = slots;
        this.constructor = constructor;
    }

    @Override
    public boolean isEntity() {
        return false;
    }

    @Override
    public List<PropertyModel> properties() {
        return slots.properties();
    }

    @Override
    public ResultMapper<Object> byPosition() {
        return slots.byPosition(this::create);
    }

    @Override
    public ResultMapper<Object> byLabel() {
        return slots.byLabel(this::create);
    }

    private Object create(Object[] values) {
        try {
            return constructor.invokeExact(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new QuarryException("The constructor of " + type.getSimpleName() + " failed: " + e, e);
        }
    }
}
