package io.quarry.repository;

/**
 * The most rows a query method returns, passed as an argument: {@code findByPort(22, Limit.of(10))}.
 * Immutable and thread-safe.
 */
public final class Limit {

    private static final Limit UNLIMITED = new Limit(-1);

    private final int max;

    private Limit(int max) {
        this.max = max;
    }

    /** At most {@code max} rows; {@code max} must be 0 or more. */
    public static Limit of(int max) {
        if (max < 0) {
            throw new InvalidArgumentException("Limit.of(" + max + "): the limit must be 0 or more; use "
                    + "Limit.unlimited() for no limit");
        }
        return new Limit(max);
    }

    public static Limit unlimited() {
        return UNLIMITED;
    }

    /** The limit; only meaningful when {@link #isLimited()}. */
    public int max() {
        if (max < 0) {
            throw new InvalidArgumentException("An unlimited Limit has no max(); check isLimited() first");
        }
        return max;
    }

    public boolean isLimited() {
        return max >= 0;
    }

    public boolean isUnlimited() {
        return max < 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Limit limit && limit.max == max;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(max);
    }

    @Override
    public String toString() {
        return max < 0 ? "Limit[unlimited]" : "Limit[" + max + "]";
    }
}
