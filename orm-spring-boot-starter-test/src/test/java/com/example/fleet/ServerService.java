package com.example.fleet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business logic a {@code @QuarryTest} leaves out unless a test imports it. */
@Service
public class ServerService {

    private final ServerRepository servers;

    public ServerService(ServerRepository servers) {
        this.servers = servers;
    }

    /** Moves every server of {@code rack} to {@code port}; returns how many there were. */
    @Transactional
    public int renumber(Rack rack, int port) {
        var inRack = servers.findByRackOrderByHostname(rack);
        inRack.forEach(server -> server.setPort(port));
        return inRack.size();
    }
}
