package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every integration test class of orm-core runs on every database with the leak check. */
class IntegrationTestConventionsTest {

    @Test
    void everyIntegrationTestClassIsACrossDatabaseTestAndSoHasTheLeakCheck() {
        assertThat(IntegrationTestConventions.withoutCrossDatabaseTest(IntegrationTestConventionsTest.class))
                .as("*IT classes without @CrossDatabaseTest (which registers ConnectionLeakExtension)")
                .isEmpty();
    }

    @Test
    void theSearchFindsTheIntegrationTestClassesOfEveryPackage() {
        assertThat(IntegrationTestConventions.integrationTestClasses(IntegrationTestConventionsTest.class))
                .contains(CrossDatabaseSmokeIT.class.getName(), "io.quarry.session.RowLockIT",
                        "io.quarry.reliability.InjectionCorpusIT");
    }
}
