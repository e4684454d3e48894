package io.quarry.spring.repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/** Registers the repositories under the packages of {@link EnableQuarryRepositories}. */
class QuarryRepositoriesRegistrar extends RepositoriesRegistrarSupport {

    @Override
    List<String> packages(AnnotationMetadata metadata, BeanFactory beanFactory) {
        Map<String, Object> attributes = metadata.getAnnotationAttributes(EnableQuarryRepositories.class.getName());
        List<String> packages = new ArrayList<>(Arrays.asList((String[]) attributes.get("basePackages")));
        for (Class<?> type : (Class<?>[]) attributes.get("basePackageClasses")) {
            packages.add(type.getPackageName());
        }
        if (packages.isEmpty()) {
            packages.add(ClassUtils.getPackageName(metadata.getClassName()));
        }
        return packages;
    }
}
