package io.quarry.spring.boot;

import io.quarry.session.Engine;

/**
 * Adjusts the auto-configured {@link Engine} before it is built: codecs for value types of your
 * own, statement listeners. Declare one or more as beans.
 */
@FunctionalInterface
public interface QuarryEngineCustomizer {

    void customize(Engine.Builder builder);
}
