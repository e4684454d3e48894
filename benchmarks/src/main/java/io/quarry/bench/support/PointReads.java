package io.quarry.bench.support;

/**
 * The point read alone, for contenders that take part in {@code FindById} only (such as a variant
 * of another contender's transaction handling). Implementations are JMH states; see {@link Reads}.
 *
 * @param <H> the contender's own host type (entity, record or POJO)
 */
public interface PointReads<H> {

    /** The host with {@code id}, or null. */
    H findById(long id);

    /** {@code host} as plain values, for the sanity checks. */
    HostRow row(H host);
}
