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
        if (pageable.isUnpaged()) {
            return Page.of(content, pageable, content.size());
        }
        long offset = pageable.getOffset();
        if ((offset == 0 || !content.isEmpty()) && content.size() < pageable.getPageSize()) {
            return Page.of(content, pageable, offset + content.size());
        }
        return Page.of(content, pageable, count.getAsLong());
    }

    /** A slice of {@code content}, read with one row more than the page size to tell whether more follow. */
    public static Slice<Object> slice(List<Object> content, Pageable pageable) {
        if (pageable.isUnpaged()) {
            return Slice.of(content, pageable, false);
        }
        boolean more = content.size() > pageable.getPageSize();
        return Slice.of(more ? content.subList(0, pageable.getPageSize()) : content, pageable, more);
    }
}
