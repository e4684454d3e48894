package io.quarry.repository.query.handwritten;

import io.quarry.mapping.Names;
import io.quarry.repository.Modifying;
import io.quarry.repository.Query;
import io.quarry.repository.RepositoryContext;
import io.quarry.repository.query.Coercions;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodHandler;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.ResultShape;
import io.quarry.repository.query.Types;
import io.quarry.repository.query.projection.Projection;
import io.quarry.repository.query.projection.Projections;
import io.quarry.session.Engine;
import io.quarry.session.NamedSql;
import io.quarry.sql.Binding;
import io.quarry.sql.Parameter;
import io.quarry.sql.Select;
import io.quarry.sql.SqlLexer;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the handler of an {@link Query} method: parses the SQL once ({@link NamedSql}), resolves
 * every {@code :name} and {@code ?n} to a method parameter (failing on any that matches none),
 * and prepares the statements with their bindings, LIMIT/OFFSET variants and count query. Used
 * while a proxy is built; not thread-safe.
 */
public final class NativeQueryCreator {

    private final Engine engine;
    private final RepositoryContext context;
    private final Projections projections;

    public NativeQueryCreator(Engine engine, RepositoryContext context, Projections projections) {
        this.engine = engine;
        this.context = context;
        this.projections = projections;
    }

    public MethodHandler create(String method, Query query, Modifying modifying, MethodParameters parameters, ResultShape result) {
        if (parameters.sort() >= 0) {
            throw new InvalidQueryMethodException("@Query methods cannot take a Sort: the SQL is not rewritten; put "
                    + "ORDER BY in the SQL");
        }
        NamedSql sql = parse(query.value(), "@Query");
        List<Binding> bindings = bindings(sql, parameters, "@Query");
        checkEveryParameterIsUsed(sql, parameters);
        int count = parameters.count();
        SqlStatement plain = new SqlStatement(sql.sql(), bindings);
        if (modifying != null) {
            checkModifying(parameters, result);
            String keyword = leadingKeyword(query.value());
            if (READ_KEYWORDS.contains(keyword)) {
                throw new InvalidQueryMethodException("it is @Modifying but its SQL is a " + keyword.toUpperCase(Locale.ROOT)
                        + ", which changes no rows; remove @Modifying and declare what the query returns");
            }
            return new NativeQuery(new NativeQuery.Plan(method, result, parameters, null, null, plain, null, null, null,
                    count, modifying.clearAutomatically()), context);
        }
        if (result.kind() == ResultShape.Kind.VOID) {
            throw new InvalidQueryMethodException("it returns void but is not @Modifying; annotate it with @Modifying "
                    + "when the SQL changes rows, or declare what the query returns");
        }
        if (result.kind() == ResultShape.Kind.WINDOW || parameters.scrollPosition() >= 0) {
            throw new InvalidQueryMethodException("@Query SQL is not rewritten to scroll (a keyset WHERE cannot be added to "
                    + "hand-written SQL safely); scroll with a derived query (Window<T> findFirst10By...OrderBy...("
                    + "..., ScrollPosition position)), or return a Slice and take a Pageable");
        }
        boolean pageResult = result.kind() == ResultShape.Kind.PAGE || result.kind() == ResultShape.Kind.SLICE;
        if (pageResult && parameters.pageable() < 0) {
            throw new InvalidQueryMethodException("it returns " + result.describe() + " but takes no Pageable; add a "
                    + "Pageable parameter");
        }
        if (result.dynamic() != parameters.projectionType() >= 0) {
            throw new InvalidQueryMethodException("a Class parameter and a type-variable result go together; declare "
                    + "<P> List<P> method(..., Class<P> type)");
        }
        Projection projection = result.dynamic() ? null : projections.handWritten(result.element());
        SqlStatement limited = paged(sql, bindings, false, count);
        SqlStatement paged = paged(sql, bindings, true, count);
        SqlStatement counted = null;
        if (result.kind() == ResultShape.Kind.PAGE) {
            counted = query.countQuery().isBlank()
                    ? Select.countRowsOf(new SqlStatement(sql.sql(), bindings))
                    : new SqlStatement(parse(query.countQuery(), "countQuery").sql(),
                            bindings(parse(query.countQuery(), "countQuery"), parameters, "countQuery"));
        }
        return new NativeQuery(new NativeQuery.Plan(method, result, parameters, projection, projections::handWritten,
                plain, limited, paged, counted, count, false), context);
    }

    /** Statements that only read: {@code @Modifying} on one of them is a mistake. */
    private static final Set<String> READ_KEYWORDS = Set.of("select", "values", "table", "show",
            "explain");

    /**
     * Refuses a value parameter the SQL never names, as Spring Data does: its argument would be
     * dropped silently, and with it the filter the caller meant.
     */
    private static void checkEveryParameterIsUsed(NamedSql sql, MethodParameters parameters) {
        List<MethodParameters.Bindable> bindable = parameters.bindable();
        for (int i = 0; i < bindable.size(); i++) {
            MethodParameters.Bindable parameter = bindable.get(i);
            String position = Integer.toString(i + 1);
            if (sql.names().contains(position) || parameter.name() != null && sql.names().contains(parameter.name())) {
                continue;
            }
            String name = parameter.name() == null ? "" : " '" + parameter.name() + "'";
            String use = parameter.name() == null ? "?" + position : ":" + parameter.name() + " (or ?" + position + ")";
            throw new InvalidQueryMethodException("parameter " + (parameter.index() + 1) + name + " is not used in its "
                    + "@Query SQL, so its argument would be ignored; use " + use + " in the SQL or remove the parameter");
        }
    }

    /**
     * The first word of {@code sql} in lower case, after blanks, comments (as the dialect reads them:
     * nested, {@code #} on MySQL) and opening parentheses.
     */
    private String leadingKeyword(String sql) {
        for (SqlLexer.Span span : SqlLexer.split(sql, engine.dialect().lexicalRules())) {
            if (span.kind() == SqlLexer.Kind.COMMENT) {
                continue;
            }
            if (span.kind() != SqlLexer.Kind.CODE) {
                return "";
            }
            int i = span.start();
            while (i < span.end() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
                i++;
            }
            if (i == span.end()) {
                continue;
            }
            int end = i;
            while (end < span.end() && Character.isLetter(sql.charAt(end))) {
                end++;
            }
            return sql.substring(i, end).toLowerCase(Locale.ROOT);
        }
        return "";
    }

    private NamedSql parse(String sql, String where) {
        try {
            return engine.namedSql(sql);
        } catch (io.quarry.QuarryException e) {
            throw new InvalidQueryMethodException("its " + where + " SQL cannot be read: " + e.getMessage());
        }
    }

    private void checkModifying(MethodParameters parameters, ResultShape result) {
        if (parameters.pageable() >= 0 || parameters.limit() >= 0 || parameters.projectionType() >= 0) {
            throw new InvalidQueryMethodException("a @Modifying query takes no Pageable, Limit or Class parameter");
        }
        Class<?> element = Types.boxed(result.element());
        if (result.kind() != ResultShape.Kind.VOID && (result.kind() != ResultShape.Kind.ONE
                || element != Integer.class && element != Long.class)) {
            throw new InvalidQueryMethodException("a @Modifying query returns the number of rows it changed; declare "
                    + "int, long or void, not " + result.describe());
        }
    }

    private List<Binding> bindings(NamedSql sql, MethodParameters parameters, String where) {
        List<MethodParameters.Bindable> bindable = parameters.bindable();
        List<String> names = new ArrayList<>();
        for (MethodParameters.Bindable parameter : bindable) {
            if (parameter.name() != null) {
                names.add(parameter.name());
            }
        }
        List<Binding> bindings = new ArrayList<>();
        for (String name : sql.names()) {
            MethodParameters.Bindable parameter = find(bindable, name);
            if (parameter == null) {
                throw new InvalidQueryMethodException(unknownParameter(name, names, bindable.size(), where));
            }
            bindings.add(binding(parameter));
        }
        return bindings;
    }

    private static MethodParameters.Bindable find(List<MethodParameters.Bindable> bindable, String name) {
        if (Character.isDigit(name.charAt(0))) {
            int position = Integer.parseInt(name);
            return position >= 1 && position <= bindable.size() ? bindable.get(position - 1) : null;
        }
        return bindable.stream().filter(parameter -> name.equals(parameter.name())).findFirst().orElse(null);
    }

    private static String unknownParameter(String name, List<String> names, int count, String where) {
        if (Character.isDigit(name.charAt(0))) {
            return "its " + where + " uses ?" + name + " but the method has " + count + " value parameter"
                    + (count == 1 ? "" : "s") + " (numbered from ?1)";
        }
        if (count == 0) {
            return "its " + where + " uses :" + name + " but the method has no value parameter; add a parameter named '"
                    + name + "'";
        }
        String hint = names.isEmpty() ? "; the method's parameter names are unknown: annotate each with @Param(\"name\") "
                + "or compile with -parameters (maven-compiler-plugin <parameters>true</parameters>)"
                : Names.didYouMean(name, names).replace("known properties", "parameters");
        return "its " + where + " uses :" + name + " but no method parameter is named '" + name + "'" + hint;
    }

    @SuppressWarnings("unchecked")
    private Binding binding(MethodParameters.Bindable parameter) {
        Class<?> type = parameter.type();
        if (Iterable.class.isAssignableFrom(type) || type.isArray() && type != byte[].class) {
            throw new InvalidQueryMethodException("parameter " + (parameter.index() + 1) + " is a collection; @Query SQL "
                    + "binds single values only. Use a derived query (findByPortIn) for IN lists");
        }
        Codec<Object> codec = (Codec<Object>) engine.codecs().lookup(type, false);
        if (codec == null) {
            return new ArgumentBinding(parameter.index(), engine.codecs());
        }
        return new Parameter(parameter.index(), codec, Coercions.identity());
    }

    /** The SQL with LIMIT (and OFFSET) appended, bound from the argument slots after the method's arguments. */
    @SuppressWarnings("unchecked")
    private SqlStatement paged(NamedSql sql, List<Binding> bindings, boolean offset, int count) {
        Codec<Object> longCodec = (Codec<Object>) engine.codecs().lookup(Long.class, false);
        List<Binding> all = new ArrayList<>(bindings);
        all.add(new Parameter(count, longCodec, Coercions.identity()));
        if (offset) {
            all.add(new Parameter(count + 1, longCodec, Coercions.identity()));
        }
        return new SqlStatement(sql.sql() + engine.dialect().limitOffset(true, offset), all);
    }
}
