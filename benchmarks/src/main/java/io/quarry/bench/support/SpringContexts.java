package io.quarry.bench.support;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Boots the Spring contenders: a Spring Boot application whose configuration class imports only the
 * auto-configurations it needs, given the shared pool as its DataSource (so Boot's DataSource
 * auto-configuration backs off and every contender uses the same pool settings). Stateless.
 */
public final class SpringContexts {

    /** What every Spring contender runs with: no web, no banner, no schema generation or SQL scripts. */
    private static final Map<String, Object> COMMON = Map.of(
            "spring.main.log-startup-info", "false",
            "spring.jmx.enabled", "false",
            "spring.sql.init.mode", "never",
            "spring.jpa.hibernate.ddl-auto", "none",
            "spring.jpa.open-in-view", "false");

    private SpringContexts() {
    }

    /** Runs application {@code app} on {@code pool} with {@code properties} on top of the common ones. */
    public static ConfigurableApplicationContext run(Class<?> app, DataSource pool, Map<String, Object> properties) {
        Map<String, Object> all = new LinkedHashMap<>(COMMON);
        all.putAll(properties);
        ApplicationContextInitializer<ConfigurableApplicationContext> givePool =
                context -> context.getBeanFactory().registerSingleton("dataSource", pool);
        return new SpringApplicationBuilder(app)
                .initializers(givePool)
                .properties(all)
                .bannerMode(Banner.Mode.OFF)
                .web(WebApplicationType.NONE)
                .registerShutdownHook(false)
                .run();
    }
}
