package io.quarry.spring.web;

import io.quarry.repository.InvalidSortException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request whose sort names no sortable property ({@code ?sort=hostnme}) with a 400 problem
 * detail instead of a 500: the detail is {@link InvalidSortException#clientMessage()}, which names the
 * property as sent and the nearest sortable one, never the repository method. Ordered last, so an
 * application's own {@code @ExceptionHandler} for these exceptions wins. Anything else is left to the
 * application's handlers and Spring's defaults. Stateless.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class QuarryWebErrors {

    /** Sort errors of a repository (translated by Spring) or of Quarry's API directly. */
    @ExceptionHandler({InvalidDataAccessApiUsageException.class, InvalidSortException.class})
    public ResponseEntity<ProblemDetail> invalidSort(RuntimeException e) {
        InvalidSortException sort = find(e);
        if (sort == null) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, sort.clientMessage());
        problem.setTitle("Invalid sort");
        problem.setProperty("property", sort.property());
        return ResponseEntity.badRequest().body(problem);
    }

    private static InvalidSortException find(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof InvalidSortException sort) {
                return sort;
            }
        }
        return null;
    }
}
