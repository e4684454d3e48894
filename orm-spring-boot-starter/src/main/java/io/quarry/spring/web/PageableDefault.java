package io.quarry.spring.web;

import io.quarry.repository.Sort;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The page a controller's {@code Pageable} or {@code Sort} parameter gets when the request names none,
 * as Spring Data's {@code @PageableDefault}: {@code @PageableDefault(size = 50, sort = "hostname") Pageable page}.
 * A request's own parameters still win; {@code quarry.web.max-page-size} still caps the size.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PageableDefault {

    /** The page size; {@code quarry.web.default-page-size} when not given. */
    int size() default -1;

    /** The page number, from 0. */
    int page() default 0;

    /** The properties to sort by when the request gives no sort. */
    String[] sort() default {};

    /** The direction of {@link #sort()}. */
    Sort.Direction direction() default Sort.Direction.ASC;
}
