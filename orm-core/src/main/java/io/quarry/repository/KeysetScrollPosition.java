package io.quarry.repository;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A position after (or, scrolling backward, before) the row whose sort keys it holds: property name
 * to value, in the order of the query's sort, the id last when the sort does not name it. Empty keys
 * mean the start. Immutable and thread-safe when its values are.
 */
public final class KeysetScrollPosition implements ScrollPosition {

    private static final KeysetScrollPosition FORWARD = new KeysetScrollPosition(Map.of(), Direction.FORWARD);
    private static final KeysetScrollPosition BACKWARD = new KeysetScrollPosition(Map.of(), Direction.BACKWARD);

    private final Map<String, Object> keys;
    private final Direction direction;

    private KeysetScrollPosition(Map<String, Object> keys, Direction direction) {
        this.keys = keys;
        this.direction = direction;
    }

    static KeysetScrollPosition initial() {
        return FORWARD;
    }

    static KeysetScrollPosition of(Map<String, ?> keys, Direction direction) {
        if (keys == null || direction == null) {
            throw new InvalidArgumentException("ScrollPosition.of(" + keys + ", " + direction + "): keys and direction "
                    + "are required; ScrollPosition.keyset() starts at the beginning");
        }
        if (keys.isEmpty()) {
            return direction == Direction.FORWARD ? FORWARD : BACKWARD;
        }
        return new KeysetScrollPosition(Collections.unmodifiableMap(new LinkedHashMap<>(keys)), direction);
    }

    /** The sort keys of the row this position follows (or precedes), by property name. */
    public Map<String, Object> getKeys() {
        return keys;
    }

    public Direction getDirection() {
        return direction;
    }

    public boolean scrollsForward() {
        return direction == Direction.FORWARD;
    }

    public boolean scrollsBackward() {
        return direction == Direction.BACKWARD;
    }

    /** The same keys scrolling forward. */
    public KeysetScrollPosition forward() {
        return direction == Direction.FORWARD ? this : new KeysetScrollPosition(keys, Direction.FORWARD);
    }

    /** The same keys scrolling backward. */
    public KeysetScrollPosition backward() {
        return direction == Direction.BACKWARD ? this : new KeysetScrollPosition(keys, Direction.BACKWARD);
    }

    /** The same keys in the other direction. */
    public KeysetScrollPosition reverse() {
        return new KeysetScrollPosition(keys, direction.reverse());
    }

    @Override
    public boolean isInitial() {
        return keys.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeysetScrollPosition position && position.keys.equals(keys)
                && position.direction == direction;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keys, direction);
    }

    @Override
    public String toString() {
        return "KeysetScrollPosition [" + direction + ", " + keys + "]";
    }
}
