package io.quarry.spring.boot.other;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;

/** An entity outside the application's package, found through @QuarryEntityScan or quarry.entity-packages. */
@Entity
public record Pebble(@Id long id, String colour) {
}
