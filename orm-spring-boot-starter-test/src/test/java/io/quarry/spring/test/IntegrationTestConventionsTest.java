package io.quarry.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.testing.IntegrationTestConventions;
import org.junit.jupiter.api.Test;

/** Every integration test class of the slice's module runs on every database with the leak check. */
class IntegrationTestConventionsTest {

    @Test
    void everyIntegrationTestClassIsACrossDatabaseTest() {
        assertThat(IntegrationTestConventions.integrationTestClasses(IntegrationTestConventionsTest.class))
                .as("the integration tests found").isNotEmpty();
        assertThat(IntegrationTestConventions.withoutCrossDatabaseTest(IntegrationTestConventionsTest.class))
                .as("*IT classes without @CrossDatabaseTest").isEmpty();
    }
}
