package io.quarry.repository.query.derived;

import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.query.InLists;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Prepares a call's arguments, decided once per method: rejects a null where a value is needed,
 * records which Is/Not arguments are null, and turns each In argument (Collection, Iterable or
 * array) into an array padded to a size bucket. The result is the call's shape (a long, part of
 * the statement cache key) and the argument array the statement binds, which has two extra slots
 * for LIMIT and OFFSET. Immutable and thread-safe.
 *
 * <p>In lists: the statement has one placeholder per element, so sizes are bucketed to keep the
 * number of distinct statements small: 0 (rendered as {@code 1 = 0}, or {@code 1 = 1} for Not
 * In), then powers of two up to 1024, then multiples of 1024. The array is padded by repeating
 * its last element, which changes neither IN nor NOT IN.
 */
final class ArgumentPlan {

    /** Bits of the call shape per In argument. */
    static final int IN_BITS = InLists.BITS;

    /**
     * What to check or convert for one argument.
     *
     * @param convert turns each In element, or a value that is not null (an entity into its id), into
     *     what is bound; null: bound as it is
     */
    record Check(int argument, String what, boolean required, UnaryOperator<Object> convert, int nullBit, int inShift) {
    }

    /** A prepared call: the arguments to bind and the shape that picks the statement. */
    record Call(Object[] args, long shape) {
    }

    private final String method;
    private final Check[] checks;
    private final int count;
    private final boolean copy;

    ArgumentPlan(String method, List<Check> checks, int count, boolean paged) {
        this.method = method;
        this.checks = checks.toArray(Check[]::new);
        this.count = count;
        this.copy = paged || checks.stream().anyMatch(check -> check.inShift() >= 0 || check.convert() != null);
    }

    /** The argument slot bound to LIMIT. */
    int limitSlot() {
        return count;
    }

    /** The argument slot bound to OFFSET. */
    int offsetSlot() {
        return count + 1;
    }

    Call prepare(Object[] args) {
        Object[] bound = copy ? Arrays.copyOf(args, count + 2) : args;
        long shape = 0;
        for (Check check : checks) {
            Object value = args[check.argument()];
            if (value == null) {
                if (check.nullBit() >= 0) {
                    shape |= 1L << check.nullBit();
                    continue;
                }
                if (check.required()) {
                    throw new InvalidArgumentException(method + ": " + check.what() + " is null; "
                            + (check.inShift() >= 0 ? "pass an empty collection to match nothing"
                                    : "this condition needs a value (to match NULL use IsNull)"));
                }
                continue;
            }
            if (check.inShift() >= 0) {
                Object[] padded = InLists.padded(elements(value, check), method + ": " + check.what(),
                        "split the list or use a @Query with a join");
                bound[check.argument()] = padded;
                shape |= (long) InLists.code(padded.length) << check.inShift();
            } else if (check.convert() != null) {
                try {
                    bound[check.argument()] = check.convert().apply(value);
                } catch (InvalidArgumentException e) {
                    throw new InvalidArgumentException(method + ": " + e.getMessage());
                }
            }
        }
        return new Call(bound, shape);
    }

    private Object[] elements(Object value, Check check) {
        Object[] values = InLists.toArray(value);
        if (values == null) {
            throw new InvalidArgumentException(method + ": " + check.what() + " must be a collection or an array, not "
                    + value.getClass().getSimpleName());
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new InvalidArgumentException(method + ": " + check.what() + " contains null at position " + i
                        + "; In never matches NULL (and Not In then matches nothing): remove it, or add an IsNull "
                        + "condition");
            }
            try {
                values[i] = check.convert().apply(values[i]);
            } catch (InvalidArgumentException e) {
                throw new InvalidArgumentException(method + ": " + e.getMessage() + " (the value at position " + i
                        + ")");
            }
        }
        return values;
    }

    /** The bucket an In list of {@code n} values is padded to. */
    static int bucket(int n) {
        return InLists.bucket(n);
    }

    /** The bucket size recorded in {@code shape} at {@code shift}. */
    static int inSize(long shape, int shift) {
        return InLists.size(shape, shift);
    }
}
