package io.quarry.spring.actuate;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.Repository;
import io.quarry.repository.support.RepositoryDescription;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryEntities;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/quarry}: the entities with their tables and columns, the repositories with every method and
 * the SQL it runs, statement statistics since start-up, and the N+1 detector's last findings. It shows names,
 * SQL texts with placeholders and counts, never data values. Exposed as any endpoint is
 * ({@code management.endpoints.web.exposure.include=quarry}). Thread-safe.
 */
@Endpoint(id = "quarry")
public class QuarryEndpoint {

    private final Engine engine;
    private final QuarryEntities entities;
    private final QuarryStatementStatistics statistics;
    private final ListableBeanFactory beans;

    public QuarryEndpoint(Engine engine, QuarryEntities entities, QuarryStatementStatistics statistics,
            ListableBeanFactory beans) {
        this.engine = engine;
        this.entities = entities;
        this.statistics = statistics;
        this.beans = beans;
    }

    @ReadOperation
    public QuarryDescriptor quarry() {
        return new QuarryDescriptor(engine.dialect().name(), entities(), repositories(), statistics.snapshot(),
                new QuarryDescriptor.NPlusOne(engine.nPlusOne().mode().name(),
                        engine.nPlusOne().threshold(), engine.nPlusOneFindings()));
    }

    private List<QuarryDescriptor.Entity> entities() {
        List<QuarryDescriptor.Entity> described = new ArrayList<>();
        for (Class<?> type : entities.types()) {
            EntityModel<?> model = engine.model(type);
            List<QuarryDescriptor.Column> columns = new ArrayList<>();
            for (PropertyModel property : model.properties()) {
                columns.add(new QuarryDescriptor.Column(property.name(), property.column(),
                        engine.dialect().typeName(property.spec()), property.isId(), property.spec().nullable()));
            }
            List<QuarryDescriptor.Relation> relations = new ArrayList<>();
            for (RelationModel relation : model.relations()) {
                relations.add(new QuarryDescriptor.Relation(relation.name(),
                        relation.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), relation.target().getName(),
                        relation.joinTable() == null ? null : relation.joinTable().table()));
            }
            described.add(new QuarryDescriptor.Entity(type.getName(), model.table(), columns, relations));
        }
        described.sort(Comparator.comparing(QuarryDescriptor.Entity::type));
        return described;
    }

    private List<QuarryDescriptor.Repository> repositories() {
        List<QuarryDescriptor.Repository> described = new ArrayList<>();
        for (Repository<?, ?> repository : beans.getBeansOfType(Repository.class).values()) {
            RepositoryDescription description = RepositoryFactory.describe(repository);
            if (description == null) {
                continue; // a repository of another kind
            }
            List<QuarryDescriptor.Method> methods = description.methods().stream()
                    .map(method -> new QuarryDescriptor.Method(method.signature(), method.kind(), method.sql()))
                    .toList();
            described.add(new QuarryDescriptor.Repository(description.repository().getName(),
                    description.entity().getName(), methods));
        }
        described.sort(Comparator.comparing(QuarryDescriptor.Repository::type));
        return described;
    }
}
