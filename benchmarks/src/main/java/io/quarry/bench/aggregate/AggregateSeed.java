package io.quarry.bench.aggregate;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of the aggregate workloads, as functions of their numbers: {@value #DATACENTERS} datacenters,
 * {@value #HOSTS} hosts spread over them round-robin, {@value #TAGS} tags and {@value #TAGS_PER_HOST} tags per
 * host; and the plan of one write call ({@link #newDatacenters}). Stateless.
 */
public final class AggregateSeed {

    public static final int DATACENTERS = 50;
    public static final int HOSTS = 1000;
    public static final int TAGS = 30;
    public static final int TAGS_PER_HOST = 3;
    /** The write: datacenters per call, hosts per datacenter, new tags per call (each host gets three of them). */
    public static final int NEW_DATACENTERS = 100;
    public static final int NEW_HOSTS_PER_DATACENTER = 10;
    public static final int NEW_TAGS = 30;

    private static final int[] TAG_OFFSETS = {0, 7, 19};

    private AggregateSeed() {
    }

    public static String datacenterName(long id) {
        return String.format("dc-%03d", id);
    }

    public static String region(long id) {
        return "region-" + id % 5;
    }

    public static long datacenterOf(long hostId) {
        return (hostId - 1) % DATACENTERS + 1;
    }

    public static String hostname(long hostId) {
        return String.format("agg-%05d", hostId);
    }

    public static String ipAddr(long hostId) {
        return "10.1." + hostId / 250 + "." + hostId % 250;
    }

    public static int port(long hostId) {
        return 22 + (int) (hostId % 3);
    }

    public static String tagName(long tagId) {
        return String.format("tag-%02d", tagId);
    }

    /** The tag numbers (1..{@value #TAGS}) of host or new host {@code number}: three distinct ones. */
    public static int[] tagsOf(long number) {
        int[] tags = new int[TAGS_PER_HOST];
        for (int i = 0; i < TAGS_PER_HOST; i++) {
            tags[i] = (int) ((number + TAG_OFFSETS[i]) % TAGS) + 1;
        }
        return tags;
    }

    /** A new host of a write call: its place in the call, and the numbers (1-based) of its tags among the new tags. */
    public record NewHost(String hostname, String ipAddr, int port, int[] tags) {
    }

    /** A new datacenter of a write call with its new hosts. */
    public record NewDatacenter(String name, String region, List<NewHost> hosts) {
    }

    /** The names of the new tags of a write call, number 1 first. */
    public static List<String> newTagNames() {
        List<String> names = new ArrayList<>(NEW_TAGS);
        for (int tag = 1; tag <= NEW_TAGS; tag++) {
            names.add(String.format("new-tag-%02d", tag));
        }
        return names;
    }

    /** What one write call stores: {@code count} datacenters of {@value #NEW_HOSTS_PER_DATACENTER} hosts each. */
    public static List<NewDatacenter> newDatacenters(int count) {
        List<NewDatacenter> datacenters = new ArrayList<>(count);
        for (int d = 0; d < count; d++) {
            List<NewHost> hosts = new ArrayList<>(NEW_HOSTS_PER_DATACENTER);
            for (int h = 0; h < NEW_HOSTS_PER_DATACENTER; h++) {
                int number = d * NEW_HOSTS_PER_DATACENTER + h;
                hosts.add(new NewHost(String.format("new-%03d-%02d", d, h), "10.2." + d + "." + h, 22 + h % 3,
                        tagsOf(number)));
            }
            datacenters.add(new NewDatacenter(String.format("new-dc-%03d", d), region(d), hosts));
        }
        return datacenters;
    }
}
