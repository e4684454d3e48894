package io.quarry.session;

import io.quarry.MappingException;
import io.quarry.QuarryException;
import io.quarry.mapping.CreatedBy;
import io.quarry.mapping.CreatedDate;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.LastModifiedBy;
import io.quarry.mapping.LastModifiedDate;
import io.quarry.mapping.PropertyModel;
import io.quarry.types.Numbers;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Auditing as an {@link EntityListener} of every entity: before an insert it sets the
 * {@code @CreatedDate}, {@code @LastModifiedDate}, {@code @CreatedBy} and {@code @LastModifiedBy}
 * properties, before an update the last-modified ones (as Spring Data, which also marks a new
 * object modified). The audited properties of a class are found once, on its first flush.
 * Thread-safe.
 */
final class AuditingListener implements EntityListener<Object> {

    /** What one audited property receives. */
    private enum Stamp { CREATED_DATE, MODIFIED_DATE, CREATED_BY, MODIFIED_BY }

    private record Audited(PropertyModel property, Stamp stamp) {
    }

    private static final List<Class<?>> DATE_TYPES = List.of(Instant.class, LocalDateTime.class, OffsetDateTime.class,
            LocalDate.class, java.sql.Timestamp.class, java.sql.Date.class, long.class, Long.class);

    private final Function<Class<?>, EntityModel<?>> models;
    private final AuditorAware<?> auditor;
    private final Clock clock;
    private final ClassValue<List<Audited>> audited = new ClassValue<>() {
        @Override
        protected List<Audited> computeValue(Class<?> type) {
            return find(models.apply(type));
        }
    };

    AuditingListener(Function<Class<?>, EntityModel<?>> models, AuditorAware<?> auditor, Clock clock) {
        this.models = models;
        this.auditor = auditor;
        this.clock = clock;
    }

    @Override
    public Object beforeInsert(Object entity) {
        return stamp(entity, true);
    }

    @Override
    public Object beforeUpdate(Object entity) {
        return stamp(entity, false);
    }

    @SuppressWarnings("unchecked")
    private Object stamp(Object entity, boolean insert) {
        List<Audited> properties = audited.get(entity.getClass());
        if (properties.isEmpty()) {
            return entity;
        }
        EntityModel<Object> model = (EntityModel<Object>) models.apply(entity.getClass());
        Instant now = null;
        Optional<?> who = null;
        Object result = entity;
        for (Audited property : properties) {
            Object value;
            if (property.stamp() == Stamp.CREATED_DATE || property.stamp() == Stamp.MODIFIED_DATE) {
                if (property.stamp() == Stamp.CREATED_DATE && !insert) {
                    continue;
                }
                now = now == null ? clock.instant() : now;
                value = date(now, property.property().javaType());
            } else {
                if (property.stamp() == Stamp.CREATED_BY && !insert) {
                    continue;
                }
                who = who == null ? currentAuditor(model, entity, insert) : who;
                if (who.isEmpty()) {
                    continue;
                }
                value = who.get();
                checkAuditorType(model, property.property(), value);
            }
            result = model.with(result, property.property(), value);
        }
        return result;
    }

    private Optional<?> currentAuditor(EntityModel<?> model, Object entity, boolean insert) {
        String what = model.type().getSimpleName() + (insert ? " (new)" : " " + model.idOf(entity));
        if (auditor == null) {
            throw new QuarryException("Cannot audit " + what + ": it has @CreatedBy or @LastModifiedBy properties but "
                    + "the auditing has no AuditorAware; pass one to Engine.builder(ds).auditing(auditor, clock) (with "
                    + "the starter: declare an AuditorAware bean)");
        }
        try {
            Optional<?> current = auditor.currentAuditor();
            return current == null ? Optional.empty() : current;
        } catch (RuntimeException e) {
            throw new QuarryException("Cannot audit " + what + ": the auditor " + auditor.getClass().getName()
                    + " failed (" + e + "); the flush wrote nothing and its transaction was rolled back", e);
        }
    }

    private void checkAuditorType(EntityModel<?> model, PropertyModel property, Object value) {
        Class<?> type = Numbers.boxed(property.javaType());
        if (!type.isInstance(value)) {
            throw new QuarryException("Cannot audit " + model.type().getSimpleName() + "." + property.name() + ": the "
                    + "auditor " + auditor.getClass().getName() + " answered a " + value.getClass().getName()
                    + ", the property holds " + property.javaType().getName() + "; make the AuditorAware's type match");
        }
    }

    private Object date(Instant now, Class<?> type) {
        if (type == Instant.class) {
            return now;
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.ofInstant(now, clock.getZone());
        }
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.ofInstant(now, clock.getZone());
        }
        if (type == LocalDate.class) {
            return LocalDate.ofInstant(now, clock.getZone());
        }
        if (type == java.sql.Timestamp.class) {
            return java.sql.Timestamp.from(now);
        }
        if (type == java.sql.Date.class) {
            return java.sql.Date.valueOf(LocalDate.ofInstant(now, clock.getZone()));
        }
        return now.toEpochMilli();
    }

    private static List<Audited> find(EntityModel<?> model) {
        List<Audited> found = new ArrayList<>();
        for (PropertyModel property : model.properties()) {
            Field field = field(model.type(), property.name());
            if (field == null) {
                continue;
            }
            add(found, field, property, CreatedDate.class, Stamp.CREATED_DATE);
            add(found, field, property, LastModifiedDate.class, Stamp.MODIFIED_DATE);
            add(found, field, property, CreatedBy.class, Stamp.CREATED_BY);
            add(found, field, property, LastModifiedBy.class, Stamp.MODIFIED_BY);
        }
        return List.copyOf(found);
    }

    private static void add(List<Audited> found, Field field, PropertyModel property,
            Class<? extends Annotation> annotation, Stamp stamp) {
        if (!field.isAnnotationPresent(annotation)) {
            return;
        }
        boolean date = stamp == Stamp.CREATED_DATE || stamp == Stamp.MODIFIED_DATE;
        if (date && !DATE_TYPES.contains(property.javaType())) {
            throw new MappingException("field '" + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + "' is @" + annotation.getSimpleName() + " but has type " + property.javaType().getName()
                    + "; use Instant, LocalDateTime, OffsetDateTime, LocalDate, java.sql.Timestamp, java.sql.Date or "
                    + "long (epoch milliseconds)");
        }
        if (property.isId() || property.isVersion() || property.reference() != null) {
            throw new MappingException("field '" + field.getDeclaringClass().getSimpleName() + "." + field.getName()
                    + "' is @" + annotation.getSimpleName() + " and also an id, version or reference; audit a "
                    + "property of its own");
        }
        found.add(new Audited(property, stamp));
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        return null;
    }
}
