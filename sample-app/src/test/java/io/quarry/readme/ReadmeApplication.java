package io.quarry.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.resilience.annotation.EnableResilientMethods;

/** The README's application: its entity, repository and services, on embedded H2. */
// README: retry-enable
@SpringBootApplication
@EnableResilientMethods                   // Spring Framework 7's @Retryable and @ConcurrencyLimit
public class ReadmeApplication {
}
// END
