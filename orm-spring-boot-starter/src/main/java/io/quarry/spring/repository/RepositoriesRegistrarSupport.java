package io.quarry.spring.repository;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers the repository interfaces found under the packages a subclass names, with what Spring
 * hands an {@link ImportBeanDefinitionRegistrar} (bean factory, environment, resource loader).
 */
abstract class RepositoriesRegistrarSupport
        implements ImportBeanDefinitionRegistrar, BeanFactoryAware, EnvironmentAware, ResourceLoaderAware {

    private BeanFactory beanFactory;
    private Environment environment;
    private ResourceLoader resourceLoader;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public final void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        List<String> packages = packages(metadata, beanFactory);
        if (!packages.isEmpty()) {
            RepositoryScanner.register(registry, packages, environment, resourceLoader);
        }
    }

    /** The packages to scan for the importing class {@code metadata}; none to register nothing. */
    abstract List<String> packages(AnnotationMetadata metadata, BeanFactory beanFactory);
}
