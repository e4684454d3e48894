package io.quarry.repository.query;

/**
 * Implements one method of a repository proxy; built once when the proxy is built. Must be
 * thread-safe: one handler serves every call.
 */
@FunctionalInterface
public interface MethodHandler {

    /** Runs the method for {@code proxy} with {@code args} (never null; empty when there are none). */
    Object invoke(Object proxy, Object[] args) throws Throwable;

    /**
     * The SQL texts the method runs, as rendered when the proxy was built (placeholders, never values); empty
     * for a method whose statements the session writes (a save) or that runs none of its own (a default method,
     * a fragment). For people and tools reading what a repository does, not for running it.
     */
    default java.util.List<String> sql() {
        return java.util.List.of();
    }
}
