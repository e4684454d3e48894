package io.quarry.spring.repository;

import io.quarry.repository.Repository;
import java.beans.Introspector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds repository interfaces under packages (one classpath scan for all of them) and registers a
 * {@link QuarryRepositoryFactoryBean} for each, plus a bean for each {@code <Fragment>Impl} class
 * of the custom fragment interfaces they extend, as Spring Data does. Stateless.
 */
final class RepositoryScanner {

    private RepositoryScanner() {
    }

    static void register(BeanDefinitionRegistry registry, List<String> packages, Environment environment,
            ResourceLoader resourceLoader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false,
                environment) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isInterface() && definition.getMetadata().isIndependent();
            }
        };
        scanner.setResourceLoader(resourceLoader);
        scanner.addIncludeFilter(new AssignableTypeFilter(Repository.class));
        Set<String> interfaces = new LinkedHashSet<>();
        for (String base : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(base)) {
                if (!candidate.getBeanClassName().startsWith(Repository.class.getPackageName() + ".")) {
                    interfaces.add(candidate.getBeanClassName());
                }
            }
        }
        ClassLoader classLoader = resourceLoader.getClassLoader();
        for (String name : interfaces) {
            Class<?> repository = ClassUtils.resolveClassName(name, classLoader);
            String beanName = Introspector.decapitalize(repository.getSimpleName());
            if (registry.containsBeanDefinition(beanName)) {
                continue;
            }
            RootBeanDefinition definition = new RootBeanDefinition(QuarryRepositoryFactoryBean.class);
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, repository);
            definition.setTargetType(ResolvableType.forClassWithGenerics(QuarryRepositoryFactoryBean.class, repository));
            definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, repository);
            registry.registerBeanDefinition(beanName, definition);
            registerFragmentImplementations(registry, repository, classLoader);
        }
    }

    /**
     * Whether {@code definition} is one of Quarry's repository beans. Told by its class, not by an attribute:
     * the bean definitions that ahead-of-time processing generates keep the class but not the attributes.
     */
    static boolean isRepository(BeanDefinition definition) {
        return QuarryRepositoryFactoryBean.class.getName().equals(definition.getBeanClassName());
    }

    /** The custom interfaces a repository extends (not Quarry's own): their implementations are its fragments. */
    static List<Class<?>> fragmentInterfaces(Class<?> repository) {
        List<Class<?>> fragments = new ArrayList<>();
        for (Class<?> extended : repository.getInterfaces()) {
            if (extended.getPackageName().equals(Repository.class.getPackageName())) {
                // Quarry implements its own interfaces (CrudRepository, QueryByExampleExecutor, PredicateExecutor)
                continue;
            }
            if (!Repository.class.isAssignableFrom(extended)) {
                fragments.add(extended);
            } else {
                fragments.addAll(fragmentInterfaces(extended));
            }
        }
        return fragments;
    }

    private static void registerFragmentImplementations(BeanDefinitionRegistry registry, Class<?> repository,
            ClassLoader classLoader) {
        for (Class<?> fragment : fragmentInterfaces(repository)) {
            String implementation = fragment.getName() + "Impl";
            String beanName = Introspector.decapitalize(fragment.getSimpleName() + "Impl");
            if (ClassUtils.isPresent(implementation, classLoader) && !registry.containsBeanDefinition(beanName)) {
                RootBeanDefinition definition = new RootBeanDefinition(ClassUtils.resolveClassName(implementation, classLoader));
                definition.setAutowireMode(RootBeanDefinition.AUTOWIRE_CONSTRUCTOR);
                registry.registerBeanDefinition(beanName, definition);
            }
        }
    }
}
