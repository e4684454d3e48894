package io.quarry.spring.boot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * The packages named by {@link QuarryEntityScan} annotations, held as a bean; as Spring Boot's
 * {@code EntityScanPackages}. Immutable once built.
 */
public final class QuarryEntityScanPackages {

    static final String BEAN = QuarryEntityScanPackages.class.getName();

    private final List<String> packageNames;

    QuarryEntityScanPackages(String... packageNames) {
        this.packageNames = List.of(packageNames);
    }

    public List<String> getPackageNames() {
        return packageNames;
    }

    /** The packages of every {@link QuarryEntityScan} in {@code beanFactory}; empty when there is none. */
    public static List<String> get(BeanFactory beanFactory) {
        return beanFactory.containsBean(BEAN)
                ? beanFactory.getBean(BEAN, QuarryEntityScanPackages.class).getPackageNames() : List.of();
    }

    /** Registers (or adds to) the bean from one {@link QuarryEntityScan}. */
    static final class Registrar implements ImportBeanDefinitionRegistrar {

        @Override
        public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
            AnnotationAttributes attributes = AnnotationAttributes.fromMap(
                    metadata.getAnnotationAttributes(QuarryEntityScan.class.getName()));
            Set<String> packages = new LinkedHashSet<>(List.of(attributes.getStringArray("basePackages")));
            for (Class<?> type : attributes.getClassArray("basePackageClasses")) {
                packages.add(type.getPackageName());
            }
            if (packages.isEmpty()) {
                packages.add(ClassUtils.getPackageName(metadata.getClassName()));
            }
            if (registry.containsBeanDefinition(BEAN)) {
                ((PackagesDefinition) registry.getBeanDefinition(BEAN)).add(packages);
            } else {
                registry.registerBeanDefinition(BEAN, new PackagesDefinition(packages));
            }
        }
    }

    /**
     * A bean definition that collects the packages of several annotations, held as its constructor argument (not
     * in an instance supplier), so that ahead-of-time processing can write it as code, as Spring Boot's
     * {@code EntityScanPackages} does.
     */
    private static final class PackagesDefinition extends RootBeanDefinition {

        private final Set<String> packages = new LinkedHashSet<>();

        PackagesDefinition(Set<String> initial) {
            setBeanClass(QuarryEntityScanPackages.class);
            setRole(ROLE_INFRASTRUCTURE);
            add(initial);
        }

        void add(Set<String> more) {
            packages.addAll(more);
            getConstructorArgumentValues().addIndexedArgumentValue(0, packages.toArray(String[]::new));
        }
    }
}
