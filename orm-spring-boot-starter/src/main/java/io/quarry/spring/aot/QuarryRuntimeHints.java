package io.quarry.spring.aot;

import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.repository.QuarryRepositoryFactoryBean;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * What Quarry reads reflectively at run time, as hints for ahead-of-time processing
 * ({@code spring-boot:process-aot}) and native images: the entity classes (the fields, constructors,
 * record components and methods the mapping reads; the generated writers and readers fall back to
 * method handles on them where no class can be defined), every repository interface (a JDK proxy, its
 * methods, its default methods called through method handles), the projections its methods return
 * (interface projections are proxies too; DTOs are constructed or set reflectively) and the custom
 * fragment interfaces it extends. Configuration properties get their hints from Spring Boot's own
 * processing of {@code @EnableConfigurationProperties}; Quarry reads no resources.
 *
 * <p>Found at build time from the bean factory: the repository beans the starter registered and the
 * {@link QuarryEntities} bean (the entity scan runs then). Stateless.
 */
final class QuarryRuntimeHints implements BeanFactoryInitializationAotProcessor {

    @Override
    public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        Set<Class<?>> repositories = repositoryInterfaces(beanFactory);
        Set<Class<?>> entities = new LinkedHashSet<>();
        QuarryEntities scanned = beanFactory.getBeanNamesForType(QuarryEntities.class, true, false).length == 0 ? null
                : beanFactory.getBeanProvider(QuarryEntities.class).getIfUnique();
        if (scanned != null) {
            entities.addAll(scanned.types());
        }
        if (repositories.isEmpty() && entities.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> register(generationContext.getRuntimeHints(), entities, repositories);
    }

    /** Adds the hints of {@code entities} and {@code repositories} (with their domain types) to {@code hints}. */
    static void register(RuntimeHints hints, Set<Class<?>> entities, Set<Class<?>> repositories) {
        TypeHints types = new TypeHints(hints);
        entities.forEach(types::entity);
        repositories.forEach(types::repository);
    }

    /** The interfaces of the repository beans ({@link QuarryRepositoryFactoryBean}s) defined in {@code beanFactory}. */
    private static Set<Class<?>> repositoryInterfaces(ConfigurableListableBeanFactory beanFactory) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
            if (!QuarryRepositoryFactoryBean.class.getName().equals(definition.getBeanClassName())) {
                continue;
            }
            ValueHolder argument = definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class);
            if (argument != null && argument.getValue() instanceof Class<?> type) {
                interfaces.add(type);
            }
        }
        return interfaces;
    }
}
