package com.example.fleet;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** A server of the fleet. */
@Entity
@Table(name = "fleet_server")
public class Server {

    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String hostname;

    @Column(length = 16)
    private Rack rack;

    private int port;

    public Server() {
    }

    public Server(String hostname, Rack rack, int port) {
        this.hostname = hostname;
        this.rack = rack;
        this.port = port;
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public Rack getRack() {
        return rack;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }
}
