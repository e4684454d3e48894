package io.quarry.bench.quarry;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Table;

/** A host row of {@code host_stream}, the streaming workload's table. */
@Entity
@Table(name = "host_stream")
public class QuarryStreamHost extends QuarryHostColumns {
}
