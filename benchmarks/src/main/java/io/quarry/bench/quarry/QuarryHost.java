package io.quarry.bench.quarry;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Table;

/** A host row of {@code host}. */
@Entity
@Table(name = "host")
public class QuarryHost extends QuarryHostColumns {
}
