package io.quarry.spring.boot;

import io.quarry.mapping.EntityModel;
import io.quarry.session.Engine;
import io.quarry.spring.schema.SchemaUpdater;
import io.quarry.spring.schema.SchemaValidator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Builds the models of the application's entities at start-up, so mapping errors stop the start,
 * then applies {@code quarry.ddl-auto}; with {@code create-drop} it drops the tables at shutdown.
 * Sessions are opened only after it ran. Used once at start-up and shutdown; thread-safe enough
 * for that.
 */
public final class QuarrySchemaInitializer implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(QuarrySchemaInitializer.class);

    private final Engine engine;
    private final QuarryEntities entities;
    private final DdlAuto ddlAuto;
    private List<EntityModel<?>> models = List.of();

    public QuarrySchemaInitializer(Engine engine, QuarryEntities entities, DdlAuto ddlAuto) {
        this.engine = engine;
        this.entities = entities;
        this.ddlAuto = ddlAuto;
    }

    public DdlAuto ddlAuto() {
        return ddlAuto;
    }

    /** The models of the application's entities, built at start-up. */
    public List<EntityModel<?>> models() {
        return models;
    }

    @Override
    public void afterPropertiesSet() {
        List<Class<?>> types = entities.types();
        models = engine.models().register(types);
        LOG.debug("Quarry entities: {}; ddl-auto {}", entities, ddlAuto);
        switch (ddlAuto) {
            case NONE -> {
            }
            case CREATE, CREATE_DROP -> created(engine.createAll(types));
            case DROP_CREATE -> {
                engine.dropAll(types);
                created(engine.createAll(types));
            }
            case VALIDATE -> new SchemaValidator(engine).validate(models);
            case UPDATE -> new SchemaUpdater(engine).update(models);
        }
    }

    private static void created(List<String> tables) {
        if (!tables.isEmpty()) {
            LOG.info("Quarry created tables {}", tables);
        }
    }

    @Override
    public void destroy() {
        if (ddlAuto == DdlAuto.CREATE_DROP) {
            engine.dropAll(entities.types());
        }
    }
}
