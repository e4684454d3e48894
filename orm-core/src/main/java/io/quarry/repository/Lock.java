package io.quarry.repository;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Locks the rows a derived find method reads until the calling transaction ends, as Spring Data
 * JPA's {@code @Lock(LockModeType.PESSIMISTIC_WRITE)}:
 *
 * <pre>{@code
 * @Lock(LockMode.PESSIMISTIC_WRITE)
 * Optional<Account> findByNumber(String number);   // select ... for update
 * }</pre>
 *
 * <p>The lock lasts as long as the transaction: call the method inside one ({@code @Transactional}, or a
 * session before its commit). Checked at start-up: only find methods take it, not with {@code Distinct}
 * (PostgreSQL refuses a locking DISTINCT) and not with conditions or an {@code OrderBy} through a reference
 * (a join, whose other table PostgreSQL will not lock on an outer join's nullable side); filter by the
 * foreign key ({@code findByDatacenter(dc)}, {@code findByDatacenterId(id)}) instead. Not for
 * {@code @Query}, whose SQL says its own {@code for update}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Lock {

    LockMode value();
}
