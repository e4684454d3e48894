package com.example.fleet;

/** Where a server is mounted: a value type of the application's, stored through {@link FleetCodecs}. */
public record Rack(String name) {
}
