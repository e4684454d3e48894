package io.quarry.spring.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.spring.boot.QuarryAutoConfiguration;
import io.quarry.spring.boot.QuarryEntities;
import io.quarry.spring.boot.QuarryEntityScan;
import io.quarry.spring.boot.QuarryProperties;
import io.quarry.spring.repository.EnableQuarryRepositories;
import io.quarry.spring.repository.QuarryRepositoryFactoryBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** Ahead-of-time processing of an application with Quarry's repositories: the hints and the generated bean definitions. */
class QuarryRuntimeHintsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableQuarryRepositories(basePackageClasses = GadgetRepository.class)
    static class ListedEntities {

        @Bean
        QuarryEntities quarryEntities() {
            return QuarryEntities.of(Gadget.class);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @QuarryEntityScan(basePackageClasses = Gadget.class)
    @ImportAutoConfiguration(QuarryAutoConfiguration.class)
    static class ScannedEntities {

        @Bean
        DataSource dataSource() {
            return new SimpleDriverDataSource();
        }
    }

    private final InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();

    private RuntimeHints process(Class<?> application) {
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get(application)), files);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(application);
            new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        }
        generation.writeGeneratedContent();
        return generation.getRuntimeHints();
    }

    private String generatedSources() {
        Map<String, InputStreamSource> sources = files.getGeneratedFiles(GeneratedFiles.Kind.SOURCE);
        return sources.values().stream().map(source -> {
            try {
                return new String(source.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).collect(Collectors.joining("\n"));
    }

    @Test
    void repositoryInterfacesAndInterfaceProjectionsGetProxyHints() {
        RuntimeHints hints = process(ListedEntities.class);

        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(GadgetRepository.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(GadgetRepository.GadgetName.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(GadgetRepository.MakerName.class)).accepts(hints);
        assertThat(RuntimeHintsPredicates.proxies().forInterfaces(GadgetRepository.GadgetLine.class)).rejects(hints);
    }

    @Test
    void repositoryMethodsTheirQuarryInterfacesAndDtosGetReflectionHints() throws NoSuchMethodException {
        RuntimeHints hints = process(ListedEntities.class);

        assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(GadgetRepository.class, "findByKind"))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(io.quarry.repository.CrudRepository.class)
                .withMemberCategory(MemberCategory.INVOKE_DECLARED_METHODS)).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(GadgetRepository.GadgetLine.class
                .getDeclaredConstructor(String.class, Gadget.Kind.class))).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onType(Gadget.Kind.class)).accepts(hints);
    }

    @Test
    void entitiesAndTheEntitiesTheirRelationsReachGetFieldAndConstructorHints() throws NoSuchMethodException {
        RuntimeHints hints = process(ListedEntities.class);

        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Gadget.class, "kind")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Gadget.class.getDeclaredConstructor()))
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Maker.class, "name")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(Maker.class.getDeclaredConstructor()))
                .accepts(hints);
    }

    @Test
    void repositoryBeanDefinitionsAreGeneratedAsCodeWithTheirInterface() {
        process(ListedEntities.class);

        assertThat(generatedSources()).contains("new RootBeanDefinition(QuarryRepositoryFactoryBean.class)")
                .contains("GadgetRepository.class");
        assertThat(QuarryRepositoryFactoryBean.class).isPublic();
    }

    @Test
    void scannedEntitiesAndQuarryEntityScanPackagesAreProcessedToo() {
        RuntimeHints hints = process(ScannedEntities.class);

        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Gadget.class, "name")).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Maker.class, "name")).accepts(hints);
        assertThat(generatedSources()).contains("QuarryEntityScanPackages").contains("io.quarry.spring.aot");
        assertThat(RuntimeHintsPredicates.reflection().onType(QuarryProperties.class)).accepts(hints);
    }
}
