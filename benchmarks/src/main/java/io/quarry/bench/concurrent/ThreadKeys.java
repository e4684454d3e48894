package io.quarry.bench.concurrent;

import io.quarry.bench.support.Dataset;
import io.quarry.bench.support.HostSeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The arguments one thread of a concurrent run uses, disjoint from every other thread's where it writes:
 * thread {@code index} of {@code threads} reads and updates only the hosts whose id is {@code index}
 * modulo {@code threads} (in a shuffled order), and numbers its new hosts from its own range of
 * {@value #NEW_HOSTS_PER_THREAD}, so no two threads ever wait for each other's row locks or clash on a
 * unique hostname. Datacenters and racks follow a pseudo-random sequence of the thread's own. Not
 * thread-safe: one per thread.
 */
final class ThreadKeys {

    /** New host numbers of one thread per run: 10,000 inserts of 100 rows, far more than a run makes. */
    static final int NEW_HOSTS_PER_THREAD = 1_000_000;

    private final long[] ids;
    private final int firstNew;
    private int nextId;
    private int nextNew;
    private long racks;
    private int nextDatacenter;

    ThreadKeys(int index, int threads) {
        if (threads > Dataset.HOSTS || (long) threads * NEW_HOSTS_PER_THREAD > Integer.MAX_VALUE - HostSeed.FIRST_NEW) {
            throw new IllegalArgumentException(threads + " threads cannot have key ranges of their own; at most 1000");
        }
        List<Long> own = new ArrayList<>();
        for (long id = index + 1; id <= Dataset.HOSTS; id += threads) {
            own.add(id);
        }
        Collections.shuffle(own, new Random(42 + index));
        ids = own.stream().mapToLong(Long::longValue).toArray();
        firstNew = HostSeed.FIRST_NEW + index * NEW_HOSTS_PER_THREAD;
        racks = 12345 + index;
        nextDatacenter = index % HostSeed.DATACENTERS;
    }

    long id() {
        long id = ids[nextId];
        nextId = (nextId + 1) % ids.length;
        return id;
    }

    String datacenter() {
        nextDatacenter = (nextDatacenter + 7) % HostSeed.DATACENTERS;
        return HostSeed.datacenterName(nextDatacenter);
    }

    String rack() {
        racks = racks * 6364136223846793005L + 1442695040888963407L;
        return HostSeed.rackName((int) ((racks >>> 33) % HostSeed.RACKS_PER_DATACENTER));
    }

    /** The number of the first of {@code count} new hosts, never handed out before in this run. */
    int newHosts(int count) {
        if (nextNew + count > NEW_HOSTS_PER_THREAD) {
            throw new IllegalStateException("Thread ran out of new host numbers; shorten the run");
        }
        int first = firstNew + nextNew;
        nextNew += count;
        return first;
    }
}
