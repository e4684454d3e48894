package io.quarry.spring.repository;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.type.AnnotationMetadata;

/** Registers the repositories under the application's auto-configuration packages. */
class AutoConfiguredRepositoriesRegistrar extends RepositoriesRegistrarSupport {

    @Override
    List<String> packages(AnnotationMetadata metadata, BeanFactory beanFactory) {
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }
}
