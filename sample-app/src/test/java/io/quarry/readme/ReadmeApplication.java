package io.quarry.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The README's application: its entity, repository and service, on embedded H2. */
@SpringBootApplication
public class ReadmeApplication {
}
