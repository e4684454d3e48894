package io.quarry.spring.schema;

import io.quarry.mapping.EntityModel;
import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import java.util.List;

/**
 * {@code quarry.ddl-auto=update}: brings the live schema up to the mapping without losing data through
 * orm-core's {@link SchemaManager#update}: creates missing tables (with their sequences and indexes),
 * adds missing columns, indexes, foreign keys and join tables; never drops or changes anything. A NOT NULL
 * column added to a table that has rows is added without the constraint (with a warning). Stateless;
 * thread-safe.
 */
public final class SchemaUpdater {

    private final Engine engine;

    public SchemaUpdater(Engine engine) {
        this.engine = engine;
    }

    /** Runs the statements that bring the schema up to {@code models}; returns them. */
    public List<String> update(List<EntityModel<?>> models) {
        return SchemaManager.of(engine).update(models.stream().<Class<?>>map(EntityModel::type).toList());
    }
}
