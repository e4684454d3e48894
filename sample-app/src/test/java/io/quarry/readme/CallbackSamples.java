package io.quarry.readme;

import io.quarry.session.Engine;
import io.quarry.session.EntityListener;
import io.quarry.session.Session;
import java.util.Locale;
import javax.sql.DataSource;

/** The README's entity-listener sample, run by {@link ReadmeSamplesTest}. */
final class CallbackSamples {

    private CallbackSamples() {
    }

    // README: entity-listener
    /** Host names are stored in lower case, whoever writes them. */
    static final class LowerCaseHostnames implements EntityListener<Host> {
        @Override
        public Host beforeInsert(Host host) {
            host.hostname = host.hostname.toLowerCase(Locale.ROOT);  // written by the same INSERT
            return host;
        }

        @Override
        public Host beforeUpdate(Host host) {                        // runs before dirty checking
            return beforeInsert(host);
        }
    }
    // END

    /** Adds "WEB-9", renames it "DB-9"; returns the names stored after each step. */
    static String[] run(DataSource dataSource) {
        // README: entity-listener-engine
        Engine engine = Engine.builder(dataSource)
                .entityListener(Host.class, new LowerCaseHostnames())  // the starter registers beans of this type
                .build();
        // END
        engine.createAll(Host.class);
        String[] stored = new String[2];
        try (Session session = engine.openSession()) {
            session.add(new Host("WEB-9", "10.0.9.9"));
            session.commit();
            stored[0] = session.query(Host.class).one().getHostname();
        }
        try (Session session = engine.openSession()) {
            session.query(Host.class).one().hostname = "DB-9";
            session.commit();
        }
        try (Session session = engine.openSession()) {
            stored[1] = session.query(Host.class).one().getHostname();
        }
        return stored;
    }
}
