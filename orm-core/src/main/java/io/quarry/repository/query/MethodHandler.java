package io.quarry.repository.query;

/**
 * Implements one method of a repository proxy; built once when the proxy is built. Must be
 * thread-safe: one handler serves every call.
 */
@FunctionalInterface
public interface MethodHandler {

    /** Runs the method for {@code proxy} with {@code args} (never null; empty when there are none). */
    Object invoke(Object proxy, Object[] args) throws Throwable;
}
