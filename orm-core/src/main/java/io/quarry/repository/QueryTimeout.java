package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The time limit, in seconds, of every statement a repository method runs (on the repository
 * interface: of every method without one of its own), instead of the session's or the engine's. A
 * statement that runs longer is cancelled with a {@link io.quarry.QueryTimeoutException} naming the
 * method (Spring: {@code QueryTimeoutException}); inside a Spring transaction with less time left,
 * the transaction's remaining time still applies.
 *
 * <pre>{@code
 * @QueryTimeout(2)
 * List<Host> findByRack(String rack);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface QueryTimeout {

    /** Seconds; must be positive. */
    int value();
}
