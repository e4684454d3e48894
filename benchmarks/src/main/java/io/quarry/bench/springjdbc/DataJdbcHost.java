package io.quarry.bench.springjdbc;

import org.springframework.data.relational.core.mapping.Table;

/** A host row of {@code host}; a new one (null id) gets its IDENTITY id on save. */
@Table("host")
public class DataJdbcHost extends DataJdbcHostColumns {
}
