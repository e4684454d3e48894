package io.quarry.bench.support;

import java.util.List;

/**
 * The write workloads as one contender performs them, each in its own transaction (or as one
 * auto-committed statement where the contender's documented way is that).
 *
 * @param <H> the contender's own host type
 */
public interface Writes<H> {

    /**
     * Creates hosts number {@code first} .. {@code first + count - 1} ({@link HostSeed}) as the
     * contender's objects, inserts them and returns them with the generated ids set.
     */
    List<H> insert(int first, int count);

    /** Loads the host with {@code id}, adds one to its port, writes it back and returns it. */
    H readModifyWrite(long id);

    /** Adds one to the cpu cores of every host of a datacenter in one statement; returns the row count. */
    int bulkUpdate(String datacenter);

    /** {@code host} as plain values, for the sanity checks. */
    HostRow row(H host);
}
