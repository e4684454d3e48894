package com.example.fleet;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application as a user of Quarry writes one: an entity, a repository, a service. Its tests
 * use {@code @QuarryTest} as a user's would; it lives outside {@code io.quarry} on purpose.
 */
@SpringBootApplication
public class FleetApplication {
}
