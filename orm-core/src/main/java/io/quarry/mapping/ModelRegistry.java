package io.quarry.mapping;

import io.quarry.types.CodecRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entity models of one engine, each built once on first use (or up front with
 * {@link #register}) and cached. Thread-safe.
 */
public final class ModelRegistry {

    private final CodecRegistry codecs;
    private final Map<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();

    public ModelRegistry(CodecRegistry codecs) {
        this.codecs = codecs;
    }

    /** The model of {@code type}, built on first use; a {@link io.quarry.MappingException} if it cannot be mapped. */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> model(Class<T> type) {
        EntityModel<?> model = models.get(type);
        if (model == null) {
            model = models.computeIfAbsent(type, t -> new EntityModelBuilder<>(t, codecs).build());
        }
        return (EntityModel<T>) model;
    }

    /** Builds the models of {@code types} now, so mapping mistakes surface at start-up. */
    public List<EntityModel<?>> register(Collection<Class<?>> types) {
        return types.stream().<EntityModel<?>>map(this::model).toList();
    }

    /** The models built so far. */
    public Collection<EntityModel<?>> models() {
        return List.copyOf(models.values());
    }

    /** The codecs the models use. */
    public CodecRegistry codecs() {
        return codecs;
    }
}
