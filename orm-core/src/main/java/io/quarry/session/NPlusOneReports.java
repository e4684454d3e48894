package io.quarry.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an engine's N+1 detectors report: warnings go to logger {@code io.quarry.NPlusOne}, and the
 * last {@link #KEPT} findings of every session, warned or refused, are kept for whoever looks (the
 * starter's actuator endpoint); and the shapes of the texts they counted, shared by them all
 * ({@link SqlShapeCache}). One per engine; thread-safe.
 */
final class NPlusOneReports {

    /** How many findings are kept; older ones are dropped. */
    static final int KEPT = 100;

    private static final Logger LOG = LoggerFactory.getLogger("io.quarry.NPlusOne");

    private volatile Consumer<String> warnings = LOG::warn;
    private final ArrayDeque<NPlusOneDetection.Finding> recent = new ArrayDeque<>();
    private final SqlShapeCache shapes = new SqlShapeCache();

    /** The shapes of the texts the engine's sessions counted. */
    SqlShapeCache shapes() {
        return shapes;
    }

    /** Where warnings go instead of the logger (for tests). */
    void warnings(Consumer<String> sink) {
        warnings = sink;
    }

    /** Keeps {@code finding}; {@code warning} not null is logged as well. */
    void found(NPlusOneDetection.Finding finding, String warning) {
        synchronized (recent) {
            if (recent.size() == KEPT) {
                recent.removeFirst();
            }
            recent.addLast(finding);
        }
        if (warning != null) {
            warnings.accept(warning);
        }
    }

    /** The findings kept, oldest first. */
    List<NPlusOneDetection.Finding> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
