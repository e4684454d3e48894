package io.quarry.spring.boot;

import io.quarry.mapping.Entity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * The entity classes of the application, found once at start-up: those annotated {@code @Entity}
 * in the scanned packages. Declare a bean of this type ({@link #of}) to list them yourself instead.
 * Immutable and thread-safe.
 */
public final class QuarryEntities {

    private final List<String> packages;
    private final List<Class<?>> types;

    private QuarryEntities(List<String> packages, List<Class<?>> types) {
        this.packages = List.copyOf(packages);
        this.types = List.copyOf(types);
    }

    /** Exactly these entity classes, no scanning. */
    public static QuarryEntities of(Class<?>... types) {
        return new QuarryEntities(List.of(), Arrays.asList(types));
    }

    /** The {@code @Entity} classes in {@code packages} and their sub-packages, sorted by name. */
    public static QuarryEntities scan(Collection<String> packages, Environment environment, ResourceLoader resources) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
                environment);
        scanner.setResourceLoader(resources);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
        ClassLoader classLoader = resources.getClassLoader();
        List<Class<?>> types = new ArrayList<>();
        for (String packageName : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(packageName)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), classLoader);
                if (!types.contains(type)) {
                    types.add(type);
                }
            }
        }
        types.sort(Comparator.comparing(Class::getName));
        return new QuarryEntities(List.copyOf(packages), types);
    }

    /** The packages scanned; empty when the classes were listed. */
    public List<String> packages() {
        return packages;
    }

    public List<Class<?>> types() {
        return types;
    }

    @Override
    public String toString() {
        return "QuarryEntities" + types.stream().map(Class::getSimpleName).toList()
                + (packages.isEmpty() ? "" : " from " + packages);
    }
}
