package io.quarry.repository.query.handwritten;

import io.quarry.dialect.Dialect;
import io.quarry.repository.query.InLists;
import io.quarry.repository.query.InvalidQueryMethodException;
import io.quarry.repository.query.MethodParameters;
import io.quarry.repository.query.Types;
import io.quarry.session.Engine;
import io.quarry.session.NamedSql;
import io.quarry.types.Codec;
import io.quarry.types.CodecRegistry;
import io.quarry.types.SqlType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, while an {@code @Query} method is built, how each Collection or array parameter is bound
 * where its SQL names it: as the only argument of {@code any}, {@code all}, {@code some} or
 * {@code unnest}, one SQL array (PostgreSQL, H2); anywhere else, one placeholder per value, the
 * list's size bucket taking {@link InLists#BITS} bits of the call shape. Not thread-safe.
 */
final class CollectionParameters {

    /** Lists whose buckets fit in a call shape next to the statement kind. */
    private static final int MAX_LISTS = 10;

    private final String method;
    private final Dialect dialect;
    private final CodecRegistry codecs;
    private final Map<Integer, ListArguments.Slot> lists = new LinkedHashMap<>();
    private final Set<Integer> arrays = new HashSet<>();

    CollectionParameters(String method, Engine engine) {
        this.method = method;
        this.dialect = engine.dialect();
        this.codecs = engine.codecs();
    }

    /** Whether a parameter of {@code type} holds several values (a byte[] is one value). */
    static boolean isCollection(Class<?> type) {
        return Iterable.class.isAssignableFrom(type) || type.isArray() && type != byte[].class;
    }

    SqlTemplate.Placeholder placeholder(MethodParameters.Bindable parameter, String name, NamedSql.Context context) {
        int index = parameter.index();
        String what = describe(parameter);
        Codec<Object> codec = elementCodec(parameter);
        String token = Character.isDigit(name.charAt(0)) ? "?" + name : ":" + name;
        if (context == NamedSql.Context.SINGLE) {
            throw new InvalidQueryMethodException(what + " is a collection, but its SQL puts " + token + " where one "
                    + "value goes; write in (" + token + ") for a list of values");
        }
        if (context == NamedSql.Context.ARRAY_ARGUMENT) {
            if (dialect.arrayElementType(SqlType.BIGINT) == null) {
                throw new InvalidQueryMethodException(what + " is the only argument of any, all, some or unnest, which "
                        + "take one SQL array, but " + dialect.name() + " has no arrays; write in (" + token + "), which "
                        + "binds one placeholder per value");
            }
            if (codec == null) {
                throw new InvalidQueryMethodException(what + " is bound as one SQL array (the only argument of any, all, "
                        + "some or unnest), which needs its element type; declare it as List<Long>, Long[] or long[] "
                        + "(of a type with a codec)");
            }
            refuseBothForms(lists.containsKey(index), what, token);
            arrays.add(index);
            return SqlTemplate.Placeholder.single(new ArrayArgument(index, codec, dialect.arrayElementType(codec.sqlType())));
        }
        refuseBothForms(arrays.contains(index), what, token);
        ListArguments.Slot slot = lists.get(index);
        if (slot == null) {
            if (lists.size() == MAX_LISTS) {
                throw new InvalidQueryMethodException("it writes more than " + MAX_LISTS + " collection parameters as "
                        + "lists; bind some as arrays (= any(:name)) or pass fewer");
            }
            slot = new ListArguments.Slot(index, what, lists.size() * InLists.BITS);
            lists.put(index, slot);
        }
        return SqlTemplate.Placeholder.list(index, slot.shift(), codec);
    }

    /** The call shape in which every list has one value: what a description shows. */
    long oneValueEach() {
        long shape = 0;
        for (ListArguments.Slot slot : lists.values()) {
            shape |= (long) InLists.code(1) << slot.shift();
        }
        return shape;
    }

    ListArguments arguments(int count) {
        return new ListArguments(method, List.copyOf(lists.values()), count);
    }

    private static void refuseBothForms(boolean other, String what, String token) {
        if (other) {
            throw new InvalidQueryMethodException(what + " is written both as a list (in (" + token + ")) and as an "
                    + "SQL array (any(" + token + ")); use one form, or two parameters");
        }
    }

    private static String describe(MethodParameters.Bindable parameter) {
        return "parameter " + (parameter.index() + 1) + (parameter.name() == null ? "" : " '" + parameter.name() + "'");
    }

    /** The codec of the declared element type; null when it is Object or unknown (each value's class decides). */
    @SuppressWarnings("unchecked")
    private Codec<Object> elementCodec(MethodParameters.Bindable parameter) {
        Class<?> type = parameter.type();
        Type element = type.isArray() ? type.getComponentType() : Types.argument(parameter.genericType(), 0);
        Class<?> raw = Types.boxed(Types.raw(element));
        return raw == Object.class ? null : (Codec<Object>) codecs.lookup(raw, false);
    }
}
