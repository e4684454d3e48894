package io.quarry.repository.query.projection;

import io.quarry.mapping.PropertyModel;
import io.quarry.session.ResultMapper;
import io.quarry.session.StatementSession;
import io.quarry.sql.SqlStatement;
import io.quarry.types.Codec;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Rows read by a {@link ResultMapper}, not through the identity map: one value per row (a
 * property, or the first column of hand-written SQL), or the values of {@link Slots} handed to what
 * builds the row's object (a constructor, an interface projection's proxy, or a tree of them). The mappers are made once. Immutable and
 * thread-safe.
 */
final class MappedProjection implements Projection {

    private final List<String> columns;
    private final ResultMapper<Object> byPosition;
    private final ResultMapper<Object> byLabel;

    private MappedProjection(List<String> columns, ResultMapper<Object> byPosition, ResultMapper<Object> byLabel) {
        this.columns = columns;
        this.byPosition = byPosition;
        this.byLabel = byLabel;
    }

    /** One value per row, read through {@code codec} from the first column and converted to the declared type. */
    static MappedProjection scalar(PropertyModel property, Codec<Object> codec, UnaryOperator<Object> convert) {
        ResultMapper<Object> first = resultSet -> convert.apply(codec.read(resultSet, 1));
        return new MappedProjection(property == null ? List.of() : List.of(property.name()), first, first);
    }

    /** The values of {@code slots}, each row's handed to {@code create}. */
    static MappedProjection of(Slots slots, Function<Object[], Object> create) {
        return new MappedProjection(slots.columns(), slots.byPosition(create), slots.byLabel(create));
    }

    @Override
    public boolean isEntity() {
        return false;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Object> list(StatementSession session, SqlStatement statement, Object[] args) {
        return session.list(statement, args, byPosition);
    }

    @Override
    public Stream<Object> stream(StatementSession session, SqlStatement statement, Object[] args) {
        return session.stream(statement, args, byPosition);
    }

    @Override
    public List<Object> listByLabel(StatementSession session, SqlStatement statement, Object[] args) {
        return session.list(statement, args, byLabel);
    }

    @Override
    public Stream<Object> streamByLabel(StatementSession session, SqlStatement statement, Object[] args) {
        return session.stream(statement, args, byLabel);
    }
}
