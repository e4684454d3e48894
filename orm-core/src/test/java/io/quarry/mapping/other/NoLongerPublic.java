package io.quarry.mapping.other;

/**
 * A type that was public when an entity was compiled against it and is package-private now (a
 * library changed incompatibly): the entity still maps, but no generated class may name it.
 */
final class NoLongerPublic {
}
