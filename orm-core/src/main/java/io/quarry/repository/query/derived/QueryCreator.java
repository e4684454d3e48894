package io.quarry.repository.query.derived;

import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.repository.LockMode;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Results;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.parse.Part;
import io.quarry.repository.query.parse.PartTree;
import io.quarry.repository.query.parse.PropertyNames;
import io.quarry.repository.query.parse.PropertyPath;
import io.quarry.repository.query.parse.PropertyPaths;
import io.quarry.repository.query.projection.Projection;
import io.quarry.repository.query.projection.Projections;
import io.quarry.session.Engine;
import io.quarry.session.ResultMapper;
import io.quarry.sql.Order;
import io.quarry.sql.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The second step of a derived query: checks a {@link PartTree} against the entity model, the
 * method's parameters and its return type, and builds the {@link DerivedQuery} that runs it, with
 * its statements rendered. Every mistake is an {@link InvalidQueryMethodException} saying what is
 * wrong and how to fix it. Used while a proxy is built; not thread-safe.
 */
public final class QueryCreator {

    private final EntityModel<?> model;
    private final Engine engine;
    private final RepositoryContext context;
    private final Projections projections;
    private final PropertyPaths paths;

    public QueryCreator(EntityModel<?> model, Engine engine, RepositoryContext context) {
        this.model = model;
        this.engine = engine;
        this.context = context;
        this.projections = new Projections(model, engine.models());
        this.paths = new PropertyPaths(engine.models(), model);
    }

    public EntityModel<?> model() {
        return model;
    }

    public Projections projections() {
        return projections;
    }

    /** Parses {@code methodName} against this creator's model. */
    public PartTree parse(String methodName) {
        return PartTree.parse(methodName, name -> paths.find(name) != null);
    }

    public MethodHandler create(String method, PartTree tree, MethodParameters parameters, ResultShape result) {
        return create(method, tree, parameters, result, null);
    }

    /** The same with the rows a find reads locked ({@code @Lock}), or {@code lock} null for none. */
    public MethodHandler create(String method, PartTree tree, MethodParameters parameters, ResultShape result,
            LockMode lock) {
        checkSpecialParameters(tree, parameters, result);
        MethodArguments arguments = new MethodArguments(method, parameters);
        List<QueryStatements.Assign> assignments = new ArrayList<>();
        for (String name : tree.verb() == PartTree.Verb.UPDATE ? tree.subject() : List.<String>of()) {
            assignments.add(assignment(PropertyNames.resolve(model, name), arguments));
        }
        List<List<Criteria.Condition>> conditions = new ArrayList<>();
        for (List<Part> and : tree.conditions()) {
            List<Criteria.Condition> all = new ArrayList<>();
            for (Part part : and) {
                all.add(condition(part, arguments));
            }
            conditions.add(all);
        }
        arguments.checkAllUsed(tree);
        if (lock != null) {
            LockRules.check(tree, conditions, lock, paths);
        }
        String subjectName = tree.subject().isEmpty() ? null : tree.subject().get(0);
        PropertyModel subject = subject(tree, subjectName);
        Projection projection = tree.verb() == PartTree.Verb.FIND && !result.dynamic()
                ? projections.derived(result.element(), subjectName)
                : LockRules.returnsDeleted(tree, result, model) ? projections.derived(model.type(), null) : null;
        boolean single = result.kind() == ResultShape.Kind.ONE || result.kind() == ResultShape.Kind.OPTIONAL;
        Integer top = tree.maxResults();
        Long fixedLimit = top != null ? Long.valueOf(top) : single ? Long.valueOf(2) : null;
        boolean window = result.kind() == ResultShape.Kind.WINDOW;
        ArgumentPlan argumentPlan = arguments.plan(parameters.isPagedOrLimited() || top != null || window);
        QueryStatements.Recipe recipe = new QueryStatements.Recipe(model, tree.verb(), tree.isDistinct(), fixedLimit,
                subject, assignments, new Criteria(conditions), orderBy(tree), argumentPlan.limitSlot(),
                argumentPlan.offsetSlot(), lock == null ? null : lock.rowLock());
        QueryStatements statements = new QueryStatements(recipe, engine.dialect(), engine.models(), method);
        DerivedQuery.Plan plan = new DerivedQuery.Plan(method, model, tree.verb(), result, parameters, projection,
                type -> projections.derived(type, subjectName), top, reader(tree.verb(), subject),
                resultConverter(tree, result, subject));
        if (window && projection != null && parameters.sort() < 0) {
            statements.prerenderScroll(nullBits(conditions), projection, top != null || parameters.limit() >= 0
                    ? QueryStatements.LIMITED : QueryStatements.UNPAGED);
        } else if (projection != null || tree.verb() != PartTree.Verb.FIND) {
            statements.prerender(nullBits(conditions), projection, pagings(parameters));
        }
        return new DerivedQuery(plan, argumentPlan, statements, context);
    }

    private static List<Integer> nullBits(List<List<Criteria.Condition>> conditions) {
        return conditions.stream().flatMap(List::stream).map(Criteria.Condition::nullBit).filter(bit -> bit >= 0).toList();
    }

    private static List<Integer> pagings(MethodParameters parameters) {
        if (parameters.pageable() >= 0) {
            return List.of(QueryStatements.UNPAGED, QueryStatements.PAGED);
        }
        return parameters.limit() >= 0 ? List.of(QueryStatements.UNPAGED, QueryStatements.LIMITED)
                : List.of(QueryStatements.UNPAGED);
    }

    private void checkSpecialParameters(PartTree tree, MethodParameters parameters, ResultShape result) {
        ScrollRules.check(tree, parameters, result, model);
        boolean special = parameters.sort() >= 0 || parameters.pageable() >= 0 || parameters.limit() >= 0;
        if (tree.verb() != PartTree.Verb.FIND) {
            if (special || parameters.projectionType() >= 0) {
                throw new InvalidQueryMethodException("Sort, Pageable, Limit and Class parameters apply to find queries "
                        + "only; remove them");
            }
            return;
        }
        ResultShape.Kind kind = result.kind();
        if (kind == ResultShape.Kind.VOID) {
            throw new InvalidQueryMethodException("a find query must return its results; declare "
                    + model.type().getSimpleName() + ", Optional, List, Stream, Page or Slice instead of void");
        }
        boolean single = kind == ResultShape.Kind.ONE || kind == ResultShape.Kind.OPTIONAL;
        if (single && tree.maxResults() != null && tree.maxResults() > 1) {
            throw new InvalidQueryMethodException("it returns one row (" + result.describe() + ") but Top/First"
                    + tree.maxResults() + " asks for " + tree.maxResults() + "; return a List or use findFirstBy");
        }
        if (single && (parameters.pageable() >= 0 || parameters.limit() >= 0)) {
            throw new InvalidQueryMethodException("it returns one row (" + result.describe() + "), so a Pageable or "
                    + "Limit parameter makes no sense; return a List, Page or Slice");
        }
        if ((kind == ResultShape.Kind.PAGE || kind == ResultShape.Kind.SLICE) && parameters.pageable() < 0) {
            throw new InvalidQueryMethodException("it returns " + result.describe() + " but takes no Pageable; add a "
                    + "Pageable parameter");
        }
        if (tree.maxResults() != null && parameters.limit() >= 0) {
            throw new InvalidQueryMethodException("Top/First" + tree.maxResults() + " and a Limit parameter both limit "
                    + "the rows; keep one of them");
        }
        if (result.dynamic() != parameters.projectionType() >= 0) {
            throw new InvalidQueryMethodException(result.dynamic()
                    ? "its result type is a type variable but no Class parameter says which type to read; declare "
                            + "<P> List<P> findBy...(..., Class<P> type)"
                    : "it takes a Class parameter but its result is not a type variable; declare <P> List<P> "
                            + "findBy...(..., Class<P> type)");
        }
    }

    private Criteria.Condition condition(Part part, MethodArguments arguments) {
        PropertyPath path = paths.resolveCondition(part.property(), part.source());
        PropertyModel property = path.property();
        Part.Type type = part.type();
        boolean ignoreCase = ignoreCase(part, property);
        if ((type == Part.Type.TRUE || type == Part.Type.FALSE) && Types.boxed(property.javaType()) != Boolean.class) {
            throw new InvalidQueryMethodException(type.keyword() + " needs a boolean property; '" + path.dotted()
                    + "' of " + model.type().getSimpleName() + " is " + property.javaType().getSimpleName());
        }
        if (type.isLike() && property.javaType() != String.class) {
            throw new InvalidQueryMethodException(type.keyword() + " needs a String property; '" + path.dotted() + "' of "
                    + model.type().getSimpleName() + " is " + property.javaType().getSimpleName());
        }
        if (type.arguments() == 0) {
            return new Criteria.Condition(type, path, ignoreCase, -1, Coercions.identity(), -1, -1);
        }
        EntityModel<?> referenced = property.reference() == null ? null
                : engine.models().model(property.reference().target());
        if (type == Part.Type.IN || type == Part.Type.NOT_IN) {
            MethodParameters.Bindable parameter = arguments.next(part, property);
            return new Criteria.Condition(type, path, ignoreCase, parameter.index(), Coercions.identity(), -1,
                    arguments.in(parameter, part, property, referenced));
        }
        MethodParameters.Bindable first = arguments.next(part, property);
        if (MethodArguments.isEntity(first, referenced)) {
            return entityCondition(part, path, first, referenced, arguments);
        }
        if (referenced != null && Coercions.converter(first.type(), property.javaType(), part.source()) == null) {
            throw new InvalidQueryMethodException("argument " + (first.index() + 1) + " for '" + part.source() + "' is "
                    + first.type().getSimpleName() + " but '" + path.dotted() + "' refers to "
                    + referenced.type().getSimpleName() + "; pass a " + referenced.type().getSimpleName()
                    + " (compared by its id) or its id (" + Types.boxed(property.javaType()).getSimpleName() + ")");
        }
        UnaryOperator<Object> convert = arguments.converter(first, part, type.isLike() ? String.class : property.javaType());
        int nullBit = -1;
        if (type == Part.Type.SIMPLE_PROPERTY || type == Part.Type.NEGATING_SIMPLE_PROPERTY) {
            nullBit = arguments.nullable(first, part);
        } else {
            arguments.required(first, part);
        }
        if (type.arguments() == 2) {
            MethodParameters.Bindable second = arguments.next(part, property);
            arguments.converter(second, part, property.javaType());
            arguments.required(second, part);
            if (second.index() != first.index() + 1) {
                throw new InvalidQueryMethodException(type.keyword() + " on '" + property.name() + "' takes two adjacent "
                        + "arguments; move the Sort, Pageable or Limit parameter after them");
            }
        }
        return new Criteria.Condition(type, path, ignoreCase, first.index(), convert, nullBit, -1);
    }

    /**
     * {@code findByDatacenter(Datacenter dc)}: the object's id compared with the foreign key, no join
     * (a null argument is IS NULL, as for any Is); ids are taken, and transient objects refused,
     * before the statement is chosen.
     */
    private Criteria.Condition entityCondition(Part part, PropertyPath path, MethodParameters.Bindable argument,
            EntityModel<?> referenced, MethodArguments arguments) {
        Part.Type type = part.type();
        if (type != Part.Type.SIMPLE_PROPERTY && type != Part.Type.NEGATING_SIMPLE_PROPERTY) {
            throw new InvalidQueryMethodException(type.keyword() + " on '" + path.dotted() + "' (in '" + part.source()
                    + "') takes a " + referenced.type().getSimpleName() + " argument, but an object is compared by its "
                    + "id with Is, Not, In or NotIn only; compare a property of it instead, e.g. " + part.property()
                    + referenced.properties().stream().filter(p -> !p.isId() && p.reference() == null)
                            .map(p -> Character.toUpperCase(p.name().charAt(0)) + p.name().substring(1)).findFirst()
                            .orElse("Id") + type.keyword());
        }
        int nullBit = arguments.nullable(argument, part, arguments.entityId(argument, part, referenced));
        return new Criteria.Condition(type, path, false, argument.index(), Coercions.identity(), nullBit, -1);
    }

    private boolean ignoreCase(Part part, PropertyModel property) {
        boolean string = property.javaType() == String.class;
        return switch (part.ignoreCase()) {
            case NEVER -> false;
            case WHEN_POSSIBLE -> string && part.type().supportsIgnoreCase();
            case ALWAYS -> {
                if (!part.type().supportsIgnoreCase()) {
                    throw new InvalidQueryMethodException("IgnoreCase does not apply to " + part.type().keyword()
                            + " (in '" + part.source() + "'); use it with Is, Not, Like, StartingWith, EndingWith, "
                            + "Containing or In");
                }
                if (!string) {
                    throw new InvalidQueryMethodException("IgnoreCase needs a String property; '" + property.name()
                            + "' of " + model.type().getSimpleName() + " is " + property.javaType().getSimpleName());
                }
                yield true;
            }
        };
    }

    private QueryStatements.Assign assignment(PropertyModel property, MethodArguments arguments) {
        if (property.isId()) {
            throw new InvalidQueryMethodException("it updates the id '" + property.name() + "'; ids of stored rows "
                    + "cannot change: delete the row and insert a new one");
        }
        MethodParameters.Bindable parameter = arguments.nextValue(property);
        EntityModel<?> referenced = property.reference() == null ? null
                : engine.models().model(property.reference().target());
        if (MethodArguments.isEntity(parameter, referenced)) {
            // updateDatacenterByHostname(dc, hostname): the foreign key set to the object's id, null to NULL
            arguments.converted(parameter, null, arguments.entityId(parameter, null, referenced));
            return new QueryStatements.Assign(property, parameter.index(), Coercions.identity());
        }
        if (Coercions.converter(parameter.type(), property.javaType(), property.name()) == null) {
            throw new InvalidQueryMethodException("the new value of '" + property.name() + "' is argument "
                    + (parameter.index() + 1) + (parameter.name() == null ? "" : " (" + parameter.name() + ")") + ", a "
                    + parameter.type().getSimpleName() + ", but '" + property.name() + "' is "
                    + property.javaType().getSimpleName() + "; the new values come first, then the conditions' arguments");
        }
        UnaryOperator<Object> convert = arguments.converter(parameter, null, property.javaType());
        if (property.isPrimitive()) {
            arguments.required(parameter, null);
        }
        return new QueryStatements.Assign(property, parameter.index(), convert);
    }

    private PropertyModel subject(PartTree tree, String name) {
        PartTree.Verb verb = tree.verb();
        if (verb.isAggregate() || verb == PartTree.Verb.COUNT && tree.isDistinct() && name != null) {
            PropertyModel property = PropertyNames.resolve(model, name);
            if ((verb == PartTree.Verb.SUM || verb == PartTree.Verb.AVG)
                    && !Number.class.isAssignableFrom(Types.boxed(property.javaType()))) {
                throw new InvalidQueryMethodException(verb.name().toLowerCase() + " needs a numeric property; '"
                        + property.name() + "' of " + model.type().getSimpleName() + " is "
                        + property.javaType().getSimpleName());
            }
            return property;
        }
        return null;
    }

    private List<Order> orderBy(PartTree tree) {
        List<Order> orders = new ArrayList<>();
        for (PartTree.OrderItem item : tree.orderBy()) {
            PropertyPath path = paths.resolve(item.property());
            if (path.throughCollection()) {
                throw new InvalidQueryMethodException("OrderBy " + item.property() + " goes through a collection ("
                        + path.describe() + "), which would repeat each " + model.type().getSimpleName()
                        + " once per element; order by a property or a path through references");
            }
            orders.add(item.ascending() ? Sql.col(path.dotted()).asc() : Sql.col(path.dotted()).desc());
        }
        return orders;
    }

    private static ResultMapper<Object> reader(PartTree.Verb verb, PropertyModel subject) {
        if (verb == PartTree.Verb.MIN || verb == PartTree.Verb.MAX) {
            return resultSet -> subject.codec().read(resultSet, 1);
        }
        return Results.FIRST_COLUMN;
    }

    /** How a count, aggregate or row count becomes the declared result; checks that it can. */
    private UnaryOperator<Object> resultConverter(PartTree tree, ResultShape result, PropertyModel subject) {
        String verb = tree.verb().name().toLowerCase();
        Class<?> element = result.element();
        boolean one = result.kind() == ResultShape.Kind.ONE;
        return switch (tree.verb()) {
            case FIND -> Coercions.identity();
            case COUNT -> {
                if (!one || !isCount(element)) {
                    throw new InvalidQueryMethodException("a count query returns long or int, not " + result.describe());
                }
                yield toDeclared(element, "the count");
            }
            case EXISTS -> {
                if (!one || Types.boxed(element) != Boolean.class) {
                    throw new InvalidQueryMethodException("an exists query returns boolean, not " + result.describe());
                }
                yield Coercions.identity();
            }
            case DELETE, UPDATE -> {
                if (result.kind() == ResultShape.Kind.VOID) {
                    yield value -> null;
                }
                if (LockRules.returnsDeleted(tree, result, model)) {
                    yield Coercions.identity();
                }
                if (!one || !isCount(element)) {
                    throw new InvalidQueryMethodException("a " + verb + " query runs one statement and returns the number "
                            + "of rows it changed; declare int, long or void, not " + result.describe()
                            + (tree.verb() == PartTree.Verb.DELETE ? " (a delete may also return what it removed: "
                                    + "List<" + model.type().getSimpleName() + ">, " + model.type().getSimpleName()
                                    + " or Optional<" + model.type().getSimpleName() + ">)" : ""));
                }
                yield toDeclared(element, "the row count");
            }
            case SUM, AVG, MIN, MAX -> aggregateConverter(tree.verb(), result, subject);
        };
    }

    private UnaryOperator<Object> aggregateConverter(PartTree.Verb verb, ResultShape result, PropertyModel subject) {
        String name = verb.name().toLowerCase();
        if (result.kind() != ResultShape.Kind.ONE && result.kind() != ResultShape.Kind.OPTIONAL) {
            throw new InvalidQueryMethodException("a " + name + " query returns one value; declare "
                    + Types.boxed(subject.javaType()).getSimpleName() + " or Optional<...>, not " + result.describe());
        }
        Class<?> element = result.element();
        if (verb == PartTree.Verb.MIN || verb == PartTree.Verb.MAX) {
            UnaryOperator<Object> convert = Coercions.converter(subject.javaType(), element, "the " + name);
            if (convert == null) {
                throw new InvalidQueryMethodException("it returns " + result.describe() + " but the " + name + " of '"
                        + subject.name() + "' is " + subject.javaType().getSimpleName());
            }
            return convert;
        }
        Class<?> boxed = Types.boxed(element);
        boolean fraction = boxed == Double.class || boxed == Float.class || boxed == java.math.BigDecimal.class;
        if (!Number.class.isAssignableFrom(boxed) || verb == PartTree.Verb.AVG && !fraction) {
            throw new InvalidQueryMethodException("a " + name + " query returns a number"
                    + (verb == PartTree.Verb.AVG ? " with a fraction (Double or BigDecimal)" : "") + ", not "
                    + result.describe());
        }
        return toDeclared(element, "the " + name);
    }

    private static boolean isCount(Class<?> type) {
        Class<?> boxed = Types.boxed(type);
        return boxed == Long.class || boxed == Integer.class;
    }

    private static UnaryOperator<Object> toDeclared(Class<?> type, String what) {
        return value -> Coercions.convert(value, type, what);
    }
}
