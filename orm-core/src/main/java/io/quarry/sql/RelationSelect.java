package io.quarry.sql;

import io.quarry.dialect.Dialect;
import io.quarry.mapping.EntityModel;
import io.quarry.mapping.PropertyModel;
import io.quarry.mapping.RelationModel;
import io.quarry.types.BuiltinCodecs;
import io.quarry.types.Codec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The statements that load relations for many owners at once (the {@code selectin} strategy): the
 * rows of an entity whose key column is in a list of keys, and the elements of a many-to-many with
 * the owner key from the join table in front. The keys are one array parameter on databases with
 * arrays (PostgreSQL, H2), else one placeholder each. Both select the entity's properties in order (as
 * {@link Select#from} does), so a positional row reader reads them. Stateless.
 */
public final class RelationSelect {

    /** The key codecs whose values go into an SQL array as they are: the built-in ones of the usual id types. */
    private static final Set<Codec<?>> ARRAY_KEYS = Set.of(BuiltinCodecs.LONG, BuiltinCodecs.INTEGER,
            BuiltinCodecs.STRING, BuiltinCodecs.UUID);

    private RelationSelect() {
    }

    /**
     * {@code select <columns> from <table> where <key> in (?, ...) order by <key>, <id>} (or {@code <key> =
     * any(?)} with one array, where the database has arrays): the targets of
     * references ({@code key} the id) or the elements of one-to-many collections ({@code key} the
     * foreign key). Elements of a collection marked deleted ({@link io.quarry.mapping.SoftDelete}) are left out;
     * a reference reads its target whatever its mark, so a key never dangles.
     */
    public static SqlStatement byKeys(Dialect dialect, EntityModel<?> model, PropertyModel key, List<?> keys) {
        StringBuilder sql = new StringBuilder("select ");
        columns(sql, dialect, model, "");
        sql.append(" from ").append(dialect.quote(model.table())).append(" where ").append(dialect.quote(key.column()));
        List<Binding> bindings = in(sql, dialect, key.codec(), keys);
        if (!key.isId()) {
            live(sql, bindings, dialect, model, "");
        }
        sql.append(" order by ").append(dialect.quote(key.column()));
        if (!key.isId()) {
            sql.append(", ").append(dialect.quote(model.id().column()));
        }
        return new SqlStatement(sql.toString(), bindings);
    }

    /**
     * The elements of a many-to-many for owners {@code keys}: {@code select j.<owner key>, e.<columns>
     * from <element> e join <join table> j on e.<id> = j.<element key> where j.<owner key> in (...)}.
     * {@code ownerSide} says whether {@code keys} are ids of the join table's owner (the relation read
     * from its owning side) or of its elements (read from the inverse side).
     */
    public static SqlStatement throughJoinTable(Dialect dialect, EntityModel<?> element, RelationModel.JoinTable join,
            boolean ownerSide, Codec<Object> keyCodec, List<?> keys) {
        String ownerKey = dialect.quote(ownerSide ? join.ownerColumn() : join.targetColumn());
        String elementKey = dialect.quote(ownerSide ? join.targetColumn() : join.ownerColumn());
        StringBuilder sql = new StringBuilder("select j.").append(ownerKey).append(", ");
        columns(sql, dialect, element, "e.");
        sql.append(" from ").append(dialect.quote(element.table())).append(" e join ")
                .append(dialect.quote(join.table())).append(" j on e.").append(dialect.quote(element.id().column()))
                .append(" = j.").append(elementKey).append(" where j.").append(ownerKey);
        List<Binding> bindings = in(sql, dialect, keyCodec, keys);
        live(sql, bindings, dialect, element, "e.");
        sql.append(" order by j.").append(ownerKey).append(", e.").append(dialect.quote(element.id().column()));
        return new SqlStatement(sql.toString(), bindings);
    }

    private static void columns(StringBuilder sql, Dialect dialect, EntityModel<?> model, String qualifier) {
        List<PropertyModel> properties = model.properties();
        for (int i = 0; i < properties.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(qualifier).append(dialect.quote(properties.get(i).column()));
        }
    }

    /** {@code and <mark> = ?} (false) or {@code and <mark> is null} when {@code model} soft-deletes. */
    private static void live(StringBuilder sql, List<Binding> bindings, Dialect dialect, EntityModel<?> model,
            String qualifier) {
        io.quarry.mapping.SoftDeletion deletion = model.softDeletion();
        if (deletion != null) {
            sql.append(" and ").append(qualifier).append(dialect.quote(deletion.property().column()))
                    .append(deletion.isFlag() ? " = ?" : " is null");
            if (deletion.isFlag()) {
                bindings.add(new ValueBinding(Boolean.FALSE, deletion.property().codec()));
            }
        }
    }

    /**
     * {@code = any(?)} with the keys as one array where the database has arrays and the key is of a
     * built-in type the drivers put in arrays as they are (see {@link KeyArrayBinding}); else
     * {@code in (?, ...)}, one placeholder per key.
     */
    private static List<Binding> in(StringBuilder sql, Dialect dialect, Codec<Object> codec, List<?> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no keys to load");
        }
        String arrayType = ARRAY_KEYS.contains(codec) ? dialect.arrayElementType(codec.sqlType()) : null;
        List<Binding> bindings = new ArrayList<>(arrayType != null ? 2 : keys.size() + 1);
        if (arrayType != null) {
            sql.append(" = any(?)");
            bindings.add(new KeyArrayBinding(List.copyOf(keys), codec, arrayType));
            return bindings;
        }
        sql.append(" in (");
        for (int i = 0; i < keys.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
            bindings.add(new ValueBinding(keys.get(i), codec));
        }
        sql.append(')');
        return bindings;
    }
}
