package io.quarry.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.IntegrationTestConventions;
import org.junit.jupiter.api.Test;

/** Every integration test class of the starter runs on every database with the leak check. */
class IntegrationTestConventionsTest {

    @Test
    void everyIntegrationTestClassIsACrossDatabaseTestAndSoHasTheLeakCheck() {
        assertThat(IntegrationTestConventions.withoutCrossDatabaseTest(IntegrationTestConventionsTest.class))
                .as("*IT classes without @CrossDatabaseTest (which registers ConnectionLeakExtension)")
                .isEmpty();
    }
}
