package io.quarry.repository.query;

import io.quarry.repository.InvalidArgumentException;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Lists of values bound one placeholder each (derived {@code In}, {@code @Query} collections): sizes
 * are padded to buckets to keep the number of distinct statements small: 0, then powers of two up to
 * 1024, then multiples of 1024. A padded list repeats its last value, which changes neither IN nor
 * NOT IN. A bucket is recorded in a call shape as a code of {@link #BITS} bits. Stateless.
 */
public final class InLists {

    /** Bits of a call shape per list. */
    public static final int BITS = 6;
    /** The most values a list may have (the largest bucket a code can name). */
    public static final int MAX = 53 * 1024;

    private InLists() {
    }

    /** The values of a Collection, Iterable or array (of objects or primitives), as a new array; null if it is none. */
    public static Object[] toArray(Object value) {
        if (value instanceof Collection<?> collection) {
            return collection.toArray();
        }
        if (value instanceof Iterable<?> iterable) {
            List<Object> list = new ArrayList<>();
            iterable.forEach(list::add);
            return list.toArray();
        }
        if (value instanceof Object[] array) {
            // an Object[] copy: converted elements (an entity's id) need not fit the argument's array type
            return Arrays.copyOf(array, array.length, Object[].class);
        }
        if (value != null && value.getClass().isArray()) {
            Object[] values = new Object[Array.getLength(value)];
            for (int i = 0; i < values.length; i++) {
                values[i] = Array.get(value, i);
            }
            return values;
        }
        return null;
    }

    /**
     * {@code values} padded to their bucket by repeating the last one; fails naming {@code what} and
     * giving {@code advice} when there are more than {@link #MAX}.
     */
    public static Object[] padded(Object[] values, String what, String advice) {
        int n = values.length;
        if (n > MAX) {
            throw new InvalidArgumentException(what + " has " + n + " values, more than the " + MAX
                    + " one statement takes; " + advice);
        }
        int size = bucket(n);
        if (size == n) {
            return values;
        }
        Object[] padded = Arrays.copyOf(values, size);
        Arrays.fill(padded, n, size, values[n - 1]);
        return padded;
    }

    /** The bucket a list of {@code n} values is padded to. */
    public static int bucket(int n) {
        if (n <= 1) {
            return n;
        }
        if (n <= 1024) {
            return Integer.highestOneBit(n - 1) << 1;
        }
        return (n + 1023) / 1024 * 1024;
    }

    /** The shape code of a bucket size: 0 for empty, 1..11 for 1..1024, then 12.. per 1024. */
    public static int code(int size) {
        if (size <= 1024) {
            return size == 0 ? 0 : Integer.numberOfTrailingZeros(size) + 1;
        }
        return size / 1024 + 10;
    }

    /** The bucket size recorded in {@code shape} at {@code shift}. */
    public static int size(long shape, int shift) {
        int code = (int) (shape >>> shift) & ((1 << BITS) - 1);
        if (code == 0) {
            return 0;
        }
        return code <= 11 ? 1 << (code - 1) : (code - 10) * 1024;
    }
}
