package io.quarry.repository.query.projection;

import io.quarry.mapping.PropertyModel;
import io.quarry.session.ResultMapper;
import io.quarry.types.Codec;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One value per row: a property ({@code List<String> findHostnameByPort}) or the first column of
 * hand-written SQL, read through a codec and converted to the declared type. Immutable.
 */
final class ScalarProjection implements Projection {

    private final List<PropertyModel> properties;
    private final Codec<Object> codec;
    private final UnaryOperator<Object> convert;

    ScalarProjection(PropertyModel property, Codec<Object> codec, UnaryOperator<Object> convert) {
        this.properties = property == null ? List.of() : List.of(property);
        this.codec = codec;
        this.convert = convert;
    }

    @Override
    public boolean isEntity() {
        return false;
    }

    @Override
    public List<PropertyModel> properties() {
        return properties;
    }

    @Override
    public ResultMapper<Object> byPosition() {
        return resultSet -> convert.apply(codec.read(resultSet, 1));
    }

    @Override
    public ResultMapper<Object> byLabel() {
        return byPosition();
    }
}
