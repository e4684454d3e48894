package io.quarry.spring.migration;

import io.quarry.schema.MigrationScript;
import io.quarry.schema.SchemaManager;
import io.quarry.session.Engine;
import io.quarry.spring.boot.QuarryEntities;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Writes the next Flyway migration of an application from its mapping, as Alembic's autogenerate does:
 * it starts the application's auto-configuration only (its {@code application.yml} and profiles, its
 * DataSource, Flyway or Liquibase, which migrate first, and Quarry with {@code quarry.ddl-auto=none}),
 * compares the entities of {@code quarry.entity-packages} with the migrated schema and writes what is
 * missing as {@code V<version>__<description>.sql}, changes that may lose data commented out. Run it on
 * the project's classpath:
 *
 * <pre>{@code
 * mvn spring-boot:run -Dspring-boot.run.main-class=io.quarry.spring.migration.GenerateMigration \
 *     -Dspring-boot.run.arguments="--quarry.entity-packages=com.example.inventory --quarry.migration.description=add_port"
 * }</pre>
 *
 * Settings: {@code quarry.migration.directory} (default {@code src/main/resources/db/migration}),
 * {@code quarry.migration.version} (default one more than the highest there), {@code quarry.migration.description}
 * (default {@code from_mapping}), {@code quarry.migration.include-destructive} (default false),
 * {@code quarry.migration.leave-alone} (tables no entity maps whose drop the script must not suggest: names
 * separated by commas, {@code *} for any characters, e.g. {@code audit_*,legacy_orders}). Not a bean;
 * one run per call.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class GenerateMigration {

    /** The directory Flyway reads by default, seen from the project's folder. */
    public static final String DEFAULT_DIRECTORY = "src/main/resources/db/migration";

    protected GenerateMigration() {
    }

    public static void main(String[] args) {
        Optional<Path> file = generate(args);
        System.out.println(file.map(path -> "Quarry wrote the migration " + path.toAbsolutePath())
                .orElse("The schema already matches the mapping: Quarry wrote no migration"));
    }

    /**
     * Runs the application's auto-configuration with {@code args} (Spring Boot command-line arguments),
     * writes the migration and closes the context; empty when the schema already matches the mapping.
     */
    public static Optional<Path> generate(String... args) {
        SpringApplication application = new SpringApplication(GenerateMigration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        // compare the schema as the migrations left it: Quarry must not create or change anything first
        String[] arguments = Arrays.copyOf(args, args.length + 1);
        arguments[args.length] = "--quarry.ddl-auto=none";
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            return write(context);
        }
    }

    private static Optional<Path> write(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        QuarryEntities entities = context.getBean(QuarryEntities.class);
        if (entities.types().isEmpty()) {
            throw new IllegalStateException("No entities to write a migration for: name their packages with "
                    + "--quarry.entity-packages=com.example.model (the command does not scan the application's package)");
        }
        boolean destructive = environment.getProperty("quarry.migration.include-destructive", Boolean.class, false);
        Predicate<String> leaveAlone = tableNames(environment.getProperty("quarry.migration.leave-alone", ""));
        MigrationScript script = SchemaManager.of(context.getBean(Engine.class)).migrationScript(entities.types(),
                destructive, leaveAlone);
        if (script.isEmpty()) {
            return Optional.empty();
        }
        Path directory = Path.of(environment.getProperty("quarry.migration.directory", DEFAULT_DIRECTORY));
        String version = environment.getProperty("quarry.migration.version", MigrationScript.nextVersion(directory));
        String description = environment.getProperty("quarry.migration.description", "from_mapping");
        return Optional.of(script.writeTo(directory, version, description));
    }

    /**
     * The tables {@code names} (comma-separated, {@code *} for any characters, any case) matches, e.g.
     * {@code audit_*,legacy_orders}.
     */
    static Predicate<String> tableNames(String names) {
        List<Pattern> patterns = Arrays.stream(names.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .map(name -> Pattern.compile(Arrays.stream(name.split("\\*", -1)).map(Pattern::quote)
                        .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE))
                .toList();
        return table -> patterns.stream().anyMatch(pattern -> pattern.matcher(table).matches());
    }
}
