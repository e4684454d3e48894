package com.example.fleet;

import io.quarry.spring.boot.QuarryEngineCustomizer;
import io.quarry.types.Codec;
import io.quarry.types.SqlType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.springframework.stereotype.Component;

/** Registers the codec of {@link Rack}; without it {@link Server} cannot be mapped. */
@Component
public class FleetCodecs implements QuarryEngineCustomizer {

    @Override
    public void customize(io.quarry.session.Engine.Builder builder) {
        builder.codec(Rack.class, new Codec<>() {
            @Override
            public SqlType sqlType() {
                return SqlType.VARCHAR;
            }

            @Override
            public void bind(PreparedStatement statement, int index, Rack value) throws SQLException {
                statement.setString(index, value.name());
            }

            @Override
            public Rack read(ResultSet resultSet, int index) throws SQLException {
                String name = resultSet.getString(index);
                return name == null ? null : new Rack(name);
            }
        });
    }
}
