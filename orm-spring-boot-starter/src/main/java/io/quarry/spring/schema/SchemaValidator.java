package io.quarry.spring.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import java.util.List;

/**
 * {@code quarry.ddl-auto=validate}: compares entity models with the live schema through orm-core's
 * {@link SchemaManager#differences} and stops the start with every difference. Stateless; thread-safe.
 */
public final class SchemaValidator {

    private final Engine engine;

    public SchemaValidator(Engine engine) {
        this.engine = engine;
    }

    /** Throws a {@link SchemaValidationException} listing every difference, or returns when there is none. */
    public void validate(List<EntityModel<?>> models) {
        List<String> problems = differences(models);
        if (!problems.isEmpty()) {
            throw new SchemaValidationException(problems);
        }
    }

    /** Every difference, one readable line each; empty when the schema fits the mapping. */
    public List<String> differences(List<EntityModel<?>> models) {
        return SchemaManager.of(engine).differences(models.stream().<Class<?>>map(EntityModel::type).toList());
    }
}
