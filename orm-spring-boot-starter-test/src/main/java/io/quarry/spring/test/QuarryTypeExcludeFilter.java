package io.quarry.spring.test;

import io.quarry.spring.boot.QuarryEngineCustomizer;
import java.util.Set;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Leaves the application's components out of a {@link QuarryTest} context, except
 * {@link QuarryEngineCustomizer}s: they register the codecs the entities are mapped with. Entities
 * and repositories are not components; Quarry finds them itself under the application's package.
 */
final class QuarryTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<QuarryTest> {

    private static final Set<Class<?>> KNOWN_INCLUDES = Set.of(QuarryEngineCustomizer.class);

    QuarryTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return KNOWN_INCLUDES;
    }
}
