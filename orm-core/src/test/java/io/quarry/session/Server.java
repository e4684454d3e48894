package io.quarry.session;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.mapping.Version;

/** A versioned entity with a generated id, for unit-of-work tests. */
@Entity
@Table(name = "s3_server")
class Server {
    @Id
    @GeneratedValue
    Long id;
    @Column(unique = true, nullable = false, length = 64)
    String name;
    String rack;
    int port;
    @Version
    int version;

    Server() {
    }

    Server(String name, String rack, int port) {
        this.name = name;
        this.rack = rack;
        this.port = port;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public int getPort() {
        return port;
    }
}
