package io.quarry.sample;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hosts inventory. Without arguments it walks through the guide (create tables, insert,
 * commit, roll back, query, count, group, order, update, delete), printing the SQL of each step,
 * and exits. With {@code --serve} it serves the REST API on port 8080.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        boolean serve = Arrays.asList(args).contains("--serve");
        if (serve) {
            SpringApplication.run(SampleApplication.class, args);
            return;
        }
        System.exit(runWalkthrough(System.out, args));
    }

    /** Starts the application without a web server, runs the walkthrough, closes; returns the exit code. */
    public static int runWalkthrough(PrintStream out, String... args) {
        SpringApplication application = new SpringApplication(SampleApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn",
                "quarry.ddl-auto", "none"));
        try (ConfigurableApplicationContext context = application.run(args)) {
            return context.getBean(Walkthrough.class).run(out);
        }
    }
}
