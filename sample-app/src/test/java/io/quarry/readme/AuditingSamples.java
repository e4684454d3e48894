package io.quarry.readme;

import io.quarry.session.AuditorAware;
import io.quarry.session.Engine;
import io.quarry.session.Session;
import io.quarry.spring.boot.EnableQuarryAuditing;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The README's auditing samples, run by {@link ReadmeSamplesTest}. */
final class AuditingSamples {

    private AuditingSamples() {
    }

    /** Adds a note with auditing on; returns it as stored. */
    static Note plainJava(DataSource dataSource, Clock clock) {
        // README: auditing-engine
        AuditorAware<String> auditor = () -> Optional.of(System.getProperty("user.name"));
        Engine engine = Engine.builder(dataSource)
                .auditing(auditor, clock)       // clock: Clock.systemUTC() when null
                .build();
        // END
        engine.createAll(Note.class);
        try (Session session = engine.openSession()) {
            Note note = session.add(new Note("first"));
            session.commit();
            return session.get(Note.class, note.id);
        }
    }

    // README: auditing-spring
    @Configuration
    @EnableQuarryAuditing                       // or quarry.auditing.enabled=true
    static class AuditingConfiguration {
        @Bean
        AuditorAware<String> auditor() {        // e.g. from Spring Security's SecurityContextHolder
            return () -> Optional.of(System.getProperty("user.name"));
        }
    }
    // END
}
