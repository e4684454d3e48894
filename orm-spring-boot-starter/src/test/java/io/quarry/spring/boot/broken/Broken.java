package io.quarry.spring.boot.broken;

import io.quarry.mapping.Entity;

/** An entity without an @Id: its mapping fails at start-up. */
@Entity
public class Broken {

    String name;
}
