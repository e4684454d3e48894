package io.quarry.spring.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Bootstraps {@link QuarryTest} contexts as Spring Boot bootstraps its slices, with the slice's own
 * defaults in front of the annotation's properties, so that the test's properties and any
 * {@code @TestPropertySource} override them while the application's configuration files cannot.
 */
class QuarryTestContextBootstrapper extends TestSliceTestContextBootstrapper<QuarryTest> {

    /** A test that reads in a loop fails instead of logging a warning nobody reads. */
    static final String STRICT_N_PLUS_ONE = "quarry.n-plus-one.mode=strict";

    @Override
    protected String[] getProperties(Class<?> testClass) {
        String[] own = super.getProperties(testClass);
        List<String> properties = new ArrayList<>();
        properties.add(STRICT_N_PLUS_ONE);
        if (own != null) {
            properties.addAll(Arrays.asList(own));
        }
        return properties.toArray(String[]::new);
    }
}
