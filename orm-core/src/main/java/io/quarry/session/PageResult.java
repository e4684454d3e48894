package io.quarry.session;

import java.util.List;

/**
 * One page of a query's results with the total count. Immutable.
 *
 * @param content the rows of this page
 * @param pageNumber the 0-based page number
 * @param pageSize the page size asked for
 * @param totalElements rows matching the query in all pages
 * @param <T> the row type
 */
public record PageResult<T>(List<T> content, int pageNumber, int pageSize, long totalElements) {

    public PageResult {
        content = List.copyOf(content);
    }

    public int totalPages() {
        return pageSize == 0 ? 1 : (int) Math.ceil((double) totalElements / pageSize);
    }

    public boolean hasNext() {
        return (long) (pageNumber + 1) * pageSize < totalElements;
    }
}
