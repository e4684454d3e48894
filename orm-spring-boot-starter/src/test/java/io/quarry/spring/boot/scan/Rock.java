package io.quarry.spring.boot.scan;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;

/** An entity found by scanning this package. */
@Entity
public class Rock {

    @Id
    @GeneratedValue
    Long id;

    String name;
}
