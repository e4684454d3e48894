package io.quarry.spring.boot.scan.sub;

import io.quarry.mapping.Entity;
import io.quarry.mapping.Id;

/** An entity in a sub-package, found by scanning the parent package. */
@Entity
public record Mineral(@Id String symbol, String name) {
}
