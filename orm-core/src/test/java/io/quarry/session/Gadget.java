package io.quarry.session;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.GenerationType;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import java.util.UUID;

/** A record entity with a Quarry-generated UUID id. */
@Entity
@Table(name = "s3_gadget")
record Gadget(@Id @GeneratedValue(strategy = GenerationType.UUID) UUID id, String name, int weight) {
}
