package io.quarry.bench.support;

import java.util.Random;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The arguments of successive calls: ids in a fixed shuffled order, datacenters and racks in a fixed
 * pseudo-random order. Every contender sees the same sequence, so none is favoured by caching. One
 * per benchmark thread.
 */
@State(Scope.Thread)
public class Inputs {

    private long[] ids;
    private int nextId;
    private int nextDatacenter;
    private long racks;

    @Setup(Level.Trial)
    public void shuffle() {
        Random random = new Random(42);
        ids = new long[Dataset.HOSTS];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        for (int i = ids.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = ids[i];
            ids[i] = ids[j];
            ids[j] = swap;
        }
        racks = 12345;
    }

    public long id() {
        long id = ids[nextId];
        nextId = (nextId + 1) % ids.length;
        return id;
    }

    public String datacenter() {
        nextDatacenter = (nextDatacenter + 7) % HostSeed.DATACENTERS;
        return HostSeed.datacenterName(nextDatacenter);
    }

    /** A rack index 0..99; use with {@link #datacenter()}. */
    public String rack() {
        racks = racks * 6364136223846793005L + 1442695040888963407L;
        return HostSeed.rackName((int) ((racks >>> 33) % HostSeed.RACKS_PER_DATACENTER));
    }
}
