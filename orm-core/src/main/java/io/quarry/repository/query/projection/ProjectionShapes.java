package io.quarry.repository.query.projection;

import io.quarry.mapping.Entity;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.ModelRegistry;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.PropertyNames;
import io.quarry.repository.query.parse.PropertyPath;
import io.quarry.repository.query.parse.PropertyPaths;
import io.quarry.types.Codec;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves the projection type of a derived query against the model into a tree of column slots:
 * each value names a path from the entity ({@code hostname}; flattened {@code datacenterName} or
 * {@code datacenter_name}, resolved as Spring Data's {@code PropertyPath}, which becomes
 * {@code datacenter.name}), and a getter or component whose type is itself an interface or record
 * ({@code DatacenterView getDatacenter()}) is a nested projection of the to-one relation it names,
 * read from the same row. The statement selects exactly the slots' columns, a LEFT JOIN per to-one
 * path, so a row whose reference is null keeps its place and gives a null nested projection (and
 * null flattened values). Collections and entities inside a projection are refused. Everything is
 * resolved here, once; reading a row only indexes arrays. One instance resolves one type; not
 * thread-safe, the projections it builds are.
 */
final class ProjectionShapes {

    /** Makes one value of a projection from a row's slot values. */
    private interface Node {
        Object value(Object[] row);
    }

    /** A value read from one slot. */
    private record Leaf(int slot) implements Node {
        @Override
        public Object value(Object[] row) {
            return row[slot];
        }
    }

    /**
     * An object built from its members' values; when {@code present} is a slot, a null there means
     * the reference it was reached through is null, and so is the object.
     */
    private record Composite(Node[] members, Function<Object[], Object> create, int present) implements Node {

        @Override
        public Object value(Object[] row) {
            if (present >= 0 && row[present] == null) {
                return null;
            }
            Object[] values = new Object[members.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = members[i].value(row);
            }
            return create.apply(values);
        }

        Composite present(int slot) {
            return new Composite(members, create, slot);
        }

        /** Whether the members are slots 0..n-1 in order, so the row itself is the members' values. */
        boolean isRow(int slots) {
            if (members.length != slots || present >= 0) {
                return false;
            }
            for (int i = 0; i < members.length; i++) {
                if (!(members[i] instanceof Leaf leaf) || leaf.slot() != i) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Where a (nested) projection's names are resolved.
     *
     * @param model the entity reached
     * @param relations the to-one relations walked from the repository's entity to it
     * @param optional whether one of them may be null (its foreign key is nullable)
     */
    private record Origin(EntityModel<?> model, List<RelationModel> relations, boolean optional) {

        /** {@code Host} or {@code Host.datacenter}. */
        String describe(EntityModel<?> root) {
            StringBuilder text = new StringBuilder(root.type().getSimpleName());
            relations.forEach(relation -> text.append('.').append(relation.name()));
            return text.toString();
        }

        /** The dotted path of {@code tail} from the repository's entity. */
        String column(String tail) {
            StringBuilder text = new StringBuilder();
            relations.forEach(relation -> text.append(relation.name()).append('.'));
            return text.append(tail).toString();
        }

        Origin through(List<RelationModel> more, EntityModel<?> target) {
            List<RelationModel> all = new ArrayList<>(relations);
            all.addAll(more);
            return new Origin(target, all, optional || more.stream().anyMatch(ProjectionShapes::nullable));
        }
    }

    private final EntityModel<?> root;
    private final ModelRegistry models;
    private final Function<Class<?>, Codec<Object>> codecs;
    private final List<Slots.Slot> slots = new ArrayList<>();

    ProjectionShapes(EntityModel<?> root, ModelRegistry models, Function<Class<?>, Codec<Object>> codecs) {
        this.root = root;
        this.models = models;
        this.codecs = codecs;
    }

    /** The projection of a derived query returning {@code type}, an interface, record or class. */
    Projection derived(Class<?> type) {
        Composite top = shape(type, new Origin(root, List.of(), false));
        Slots read = new Slots(type.getSimpleName(), slots);
        return MappedProjection.of(read, top.isRow(read.slots().size()) ? top.create() : top::value);
    }

    private Composite shape(Class<?> type, Origin origin) {
        if (type.isInterface()) {
            ProjectionTypes.Getters getters = ProjectionTypes.getters(type, name -> position(origin, name));
            Node[] members = members(type, getters.names().toArray(String[]::new),
                    getters.types().toArray(Class<?>[]::new), origin);
            return new Composite(members, new ProjectionProxies(type, getters), -1);
        }
        ProjectionTypes.checkConstructible(type, root.type());
        InvalidQueryMethodException first = null;
        int mark = slots.size();
        for (Constructor<?> constructor : ProjectionTypes.constructors(type)) {
            try {
                Node[] members = members(type, ProjectionTypes.names(type, constructor),
                        constructor.getParameterTypes(), origin);
                return new Composite(members, ProjectionTypes.constructing(type, constructor), -1);
            } catch (InvalidQueryMethodException e) {
                slots.subList(mark, slots.size()).clear();
                first = first == null ? e : first;
            }
        }
        SetterDtos.Shape bean = SetterDtos.of(type);
        if (bean != null) {
            try {
                return new Composite(members(type, bean.names(), bean.types(), origin), bean.builder(), -1);
            } catch (InvalidQueryMethodException e) {
                slots.subList(mark, slots.size()).clear();
                first = first == null ? e : first;
            }
        }
        throw first != null ? first : ProjectionTypes.noConstructor(type, root.type());
    }

    private Node[] members(Class<?> type, String[] names, Class<?>[] types, Origin origin) {
        Node[] members = new Node[names.length];
        for (int i = 0; i < names.length; i++) {
            members[i] = member(type, names[i], types[i], origin);
        }
        return members;
    }

    private Node member(Class<?> owner, String name, Class<?> type, Origin origin) {
        String what = "'" + name + "' of " + owner.getSimpleName();
        if (codecs.apply(type) == null) {
            if (type.isArray() || Collection.class.isAssignableFrom(type) || Iterable.class.isAssignableFrom(type)
                    || Map.class.isAssignableFrom(type)) {
                throw collection(what + " is a " + type.getSimpleName(), origin);
            }
            if (type.isAnnotationPresent(Entity.class)) {
                throw new InvalidQueryMethodException(what + " is the entity " + type.getSimpleName() + "; a projection "
                        + "selects columns, not entities (which the session would track). Declare an interface or "
                        + "record with the " + type.getSimpleName() + " properties you need, e.g. interface "
                        + type.getSimpleName() + "View { String getName(); } as " + owner.getSimpleName() + "'s '"
                        + name + "', or return " + root.type().getSimpleName() + " entities with @LoadWith(\""
                        + origin.column(name) + "\")");
            }
            if (type.isInterface() || type.isRecord() || !type.isPrimitive() && !type.isEnum()
                    && !type.getName().startsWith("java.")) {
                return nested(what, name, type, origin);
            }
        }
        return leaf(what, name, type, origin);
    }

    private Node leaf(String what, String name, Class<?> type, Origin origin) {
        PropertyPath path = resolve(what, name, origin);
        if (path.throughCollection()) {
            throw collection(what + " goes through the collection " + origin.describe(root) + "."
                    + path.relations().stream().filter(RelationModel::isCollection).findFirst().orElseThrow().name(),
                    origin);
        }
        PropertyModel property = path.property();
        if (Coercions.converter(property.javaType(), type, name) == null) {
            throw new InvalidQueryMethodException(what + " is " + type.getSimpleName() + " but property '"
                    + origin.column(path.dotted()) + "' is " + property.javaType().getSimpleName() + "; declare it as "
                    + Types.boxed(property.javaType()).getSimpleName());
        }
        Origin end = origin.through(path.relations(), origin.model());
        if (type.isPrimitive() && end.optional()) {
            throw new InvalidQueryMethodException(what + " is " + type.getSimpleName() + " but "
                    + root.type().getSimpleName() + "." + end.column("").replaceAll("\\.$", "")
                    + " may be null, which makes '" + origin.column(path.dotted()) + "' NULL (a LEFT JOIN); declare it as "
                    + Types.boxed(type).getSimpleName());
        }
        slots.add(Slots.Slot.selecting(name, origin.column(path.dotted()), property, type));
        return new Leaf(slots.size() - 1);
    }

    private Node nested(String what, String name, Class<?> type, Origin origin) {
        RelationModel collection = relation(origin.model(), name);
        if (collection != null && collection.isCollection()) {
            throw collection(what + " is a " + type.getSimpleName() + " of the collection " + origin.describe(root)
                    + "." + collection.name(), origin);
        }
        PropertyPath path = resolve(what, name, origin);
        RelationModel reference = path.property().reference();
        if (reference == null) {
            throw new InvalidQueryMethodException(what + " is " + type.getSimpleName() + ", a nested projection, but '"
                    + origin.column(path.dotted()) + "' is a column, not a to-one relation; declare it as "
                    + Types.boxed(path.property().javaType()).getSimpleName() + " or name a relation");
        }
        if (path.throughCollection()) {
            throw collection(what + " goes through a collection (" + path.describe() + ")", origin);
        }
        List<RelationModel> walked = new ArrayList<>(path.relations());
        walked.add(reference);
        Origin inner = origin.through(walked, models.model(reference.target()));
        int mark = slots.size();
        Composite shape = shape(type, inner);
        if (!inner.optional()) {
            return shape;
        }
        int present = presence(mark, inner);
        if (present < 0) {
            // the parent's foreign key says whether the reference is there, without another join
            slots.add(Slots.Slot.selecting(name + " (present)", origin.through(path.relations(), origin.model())
                    .column(reference.foreignKey().name()), reference.foreignKey(),
                    Types.boxed(reference.foreignKey().javaType())));
            present = slots.size() - 1;
        }
        return shape.present(present);
    }

    /** A slot the nested projection already selects that is NULL only when its reference is: its id or a NOT NULL column. */
    private int presence(int from, Origin inner) {
        String prefix = inner.column("");
        for (int i = from; i < slots.size(); i++) {
            Slots.Slot slot = slots.get(i);
            String column = slot.column();
            boolean own = column.startsWith(prefix) && column.indexOf('.', prefix.length()) < 0;
            if (own && (slot.property().isId() || !slot.property().spec().nullable())) {
                return i;
            }
        }
        return -1;
    }

    private PropertyPath resolve(String what, String name, Origin origin) {
        PropertyPaths paths = new PropertyPaths(models, origin.model());
        PropertyPath path = paths.find(name);
        if (path != null) {
            return path;
        }
        try {
            paths.resolve(name);
        } catch (InvalidQueryMethodException e) {
            String entity = origin.model().type().getSimpleName();
            String unknown = "No property '" + name + "' in entity " + entity;
            if (e.getMessage().startsWith(unknown)) {
                throw new InvalidQueryMethodException(what + " names no property of " + entity
                        + (origin.relations().isEmpty() ? "" : " (reached through " + origin.describe(root) + ")")
                        + e.getMessage().substring(unknown.length()));
            }
            throw new InvalidQueryMethodException(what + " names nothing " + origin.describe(root) + " reaches: "
                    + e.getMessage());
        }
        throw new IllegalStateException("unreachable: " + name);
    }

    private InvalidQueryMethodException collection(String what, Origin origin) {
        return new InvalidQueryMethodException(what + "; a projection reads one row per " + root.type().getSimpleName()
                + " and Quarry refuses collections in projections on purpose (a join would repeat the row per element). "
                + "Read the elements with a query of their own repository, or return " + root.type().getSimpleName()
                + " entities with @LoadWith naming the collection");
    }

    private static RelationModel relation(EntityModel<?> model, String name) {
        RelationModel exact = model.findRelation(name);
        if (exact != null) {
            return exact;
        }
        return model.relations().stream().filter(relation -> relation.name().equalsIgnoreCase(name)).findFirst()
                .orElse(null);
    }

    private int position(Origin origin, String name) {
        PropertyModel property = PropertyNames.find(origin.model(), name);
        return property == null ? Integer.MAX_VALUE : property.position();
    }

    private static boolean nullable(RelationModel relation) {
        return relation.foreignKey().spec().nullable();
    }
}
