package io.quarry.bench.support;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;

/** Binding and reading {@link HostRow}s for the data loader and the reference reads. Stateless. */
public final class Jdbc {

    /** The host columns in table order, id first. */
    public static final String HOST_COLUMNS = "id, hostname, ip_addr, port, datacenter, rack, os_name, cpu_cores, "
            + "memory_mb, active, created_at, description";

    private Jdbc() {
    }

    /** Binds every column but the id, starting at {@code index}; returns the next index. */
    public static int bindHost(PreparedStatement statement, int index, HostRow host) throws SQLException {
        statement.setString(index++, host.hostname());
        statement.setString(index++, host.ipAddr());
        statement.setInt(index++, host.port());
        statement.setString(index++, host.datacenter());
        statement.setString(index++, host.rack());
        statement.setString(index++, host.osName());
        statement.setInt(index++, host.cpuCores());
        statement.setInt(index++, host.memoryMb());
        statement.setBoolean(index++, host.active());
        statement.setObject(index++, host.createdAt());
        if (host.description() == null) {
            statement.setNull(index++, Types.VARCHAR);
        } else {
            statement.setString(index++, host.description());
        }
        return index;
    }

    /** Reads {@link #HOST_COLUMNS} from the current row. */
    public static HostRow readHost(ResultSet result) throws SQLException {
        return new HostRow(result.getLong(1), result.getString(2), result.getString(3), result.getInt(4),
                result.getString(5), result.getString(6), result.getString(7), result.getInt(8), result.getInt(9),
                result.getBoolean(10), result.getObject(11, LocalDateTime.class), result.getString(12));
    }
}
