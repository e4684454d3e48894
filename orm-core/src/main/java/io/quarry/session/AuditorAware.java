package io.quarry.session;

import java.util.Optional;

/**
 * Who is making the current change, for {@link io.quarry.mapping.CreatedBy} and
 * {@link io.quarry.mapping.LastModifiedBy} properties (Spring Data's {@code AuditorAware}, as
 * Quarry's own type). Asked once per audited object a flush inserts or updates; empty leaves the
 * property as it is. Implementations must be thread-safe (one serves every session); an exception
 * fails the flush, naming the object and this auditor.
 *
 * @param <T> the type of the auditor, e.g. a user name or id
 */
@FunctionalInterface
public interface AuditorAware<T> {

    /** The current auditor, or empty when there is none (a background job, say). */
    Optional<T> currentAuditor();
}
