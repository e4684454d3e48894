package io.quarry.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result streams a session has open. A stream still open when its transaction ends is closed
 * first, with a warning that names where it was opened: otherwise MariaDB refuses the commit
 * ("Streaming result set ... is still active") while H2 and PostgreSQL commit, and the three
 * databases would behave differently. Not thread-safe; owned by its session.
 */
final class OpenStreams {

    private static final Logger LOG = LoggerFactory.getLogger(OpenStreams.class);

    /** The streams still open; made by the first stream, since most sessions open none. */
    private Map<Stream<?>, Throwable> open;

    /** {@code stream}, remembered until it is closed, with where it was opened. */
    <T> Stream<T> track(Stream<T> stream, String task) {
        Throwable openedAt = new Throwable("stream of " + task + " opened here");
        if (open == null) {
            open = new LinkedHashMap<>();
        }
        Map<Stream<?>, Throwable> open = this.open;
        open.put(stream, openedAt);
        return stream.onClose(() -> open.remove(stream));
    }

    /** Closes every stream still open, warning about each; {@code when} names the moment (commit, rollback). */
    void closeAll(String when) {
        if (open == null || open.isEmpty()) {
            return;
        }
        List<Map.Entry<Stream<?>, Throwable>> left = new ArrayList<>(open.entrySet());
        open.clear();
        for (Map.Entry<Stream<?>, Throwable> entry : left) {
            LOG.warn("Closing a {} still open at {}; close streams (try-with-resources) before the transaction ends",
                    entry.getValue().getMessage().replace(" opened here", ""), when, entry.getValue());
            entry.getKey().close();
        }
    }
}
