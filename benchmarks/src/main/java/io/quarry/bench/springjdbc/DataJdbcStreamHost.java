package io.quarry.bench.springjdbc;

import org.springframework.data.relational.core.mapping.Table;

/** A host row of {@code host_stream}, the streaming workload's table (read only). */
@Table("host_stream")
public class DataJdbcStreamHost extends DataJdbcHostColumns {
}
