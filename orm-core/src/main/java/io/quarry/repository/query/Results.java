package io.quarry.repository.query;

import io.quarry.NonUniqueResultException;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import io.quarry.repository.Slice;
import io.quarry.session.ResultMapper;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.IntFunction;

/** What derived and hand-written queries share when they shape rows into a method's result. Stateless. */
public final class Results {

    /** Reads the first column as the driver returns it: counts and EXISTS probes. */
    public static final ResultMapper<Object> FIRST_COLUMN = resultSet -> resultSet.getObject(1);

    private Results() {
    }

    /**
     * The one row of a single-result method (null or empty Optional for none); more than one is a
     * {@link NonUniqueResultException} with {@code tooMany}'s message for the row count.
     */
    public static Object single(List<Object> rows, ResultShape result, IntFunction<String> tooMany) {
        if (rows.size() > 1) {
            throw new NonUniqueResultException(tooMany.apply(rows.size()));
        }
        Object value = rows.isEmpty() ? null : rows.get(0);
        return result.kind() == ResultShape.Kind.OPTIONAL ? Optional.ofNullable(value) : value;
    }

    /**
     * A page of {@code content}; {@code count} runs only when the content does not tell the total
     * (a full page, or an empty page past the first).
     */
    public static Page<Object> page(List<Object> content, Pageable pageable, LongSupplier count) {
        return page(content, pageable, Integer.MAX_VALUE, count);
    }

    /**
     * The same for a query whose pages hold at most {@code pageRows} rows ({@code findTop3By...(Pageable)}):
     * a short page tells the total only when it is shorter than that cap too.
     */
    public static Page<Object> page(List<Object> content, Pageable pageable, int pageRows, LongSupplier count) {
        if (pageable.isUnpaged()) {
            return Page.of(content, pageable, content.size());
        }
        long offset = pageable.getOffset();
        if ((offset == 0 || !content.isEmpty()) && content.size() < Math.min(pageable.getPageSize(), pageRows)) {
            return Page.of(content, pageable, offset + content.size());
        }
        return Page.of(content, pageable, count.getAsLong());
    }

    /** A slice of {@code content}, read with one row more than the page size to tell whether more follow. */
    public static Slice<Object> slice(List<Object> content, Pageable pageable) {
        return slice(content, pageable, Integer.MAX_VALUE);
    }

    /** The same for a query whose slices hold at most {@code pageRows} rows, read with one row more than that. */
    public static Slice<Object> slice(List<Object> content, Pageable pageable, int pageRows) {
        if (pageable.isUnpaged()) {
            return Slice.of(content, pageable, false);
        }
        int rows = Math.min(pageable.getPageSize(), pageRows);
        boolean more = content.size() > rows;
        return Slice.of(more ? content.subList(0, rows) : content, pageable, more);
    }
}
