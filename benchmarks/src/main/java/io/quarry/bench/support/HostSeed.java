package io.quarry.bench.support;

import java.time.LocalDateTime;

/**
 * The values of host number {@code n}, the same for every contender and every database: the data
 * set is rows 1..{@link Dataset#HOSTS} (whose ids are their numbers), new rows in the insert
 * workloads are numbered from {@link #FIRST_NEW}. Datacenter and rack are spread so that one
 * datacenter holds 1,000 hosts and one rack of it 10, with ids scattered over the table. Stateless.
 */
public final class HostSeed {

    /** Numbers of rows created by the insert workloads start here (hostnames never clash with the data set). */
    public static final int FIRST_NEW = 10_000_000;

    public static final int DATACENTERS = 10;
    public static final int RACKS_PER_DATACENTER = 100;

    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);
    private static final String[] OPERATING_SYSTEMS = {"debian-12", "ubuntu-24.04", "rhel-9"};

    private HostSeed() {
    }

    public static String hostname(long n) {
        return n >= FIRST_NEW ? "new-" + n : "host-" + n;
    }

    public static String ipAddr(long n) {
        return "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
    }

    /** 22, or 2222 for every tenth host; the SQL in {@link Dataset#resetMutableColumns} says the same. */
    public static int port(long n) {
        return n % 10 == 0 ? 2222 : 22;
    }

    public static String datacenter(long n) {
        return datacenterName((int) ((n - 1) % DATACENTERS));
    }

    public static String rack(long n) {
        return rackName((int) ((n - 1) / DATACENTERS % RACKS_PER_DATACENTER));
    }

    public static String datacenterName(int index) {
        return "dc-" + index;
    }

    public static String rackName(int index) {
        return "r-" + index;
    }

    public static String osName(long n) {
        return OPERATING_SYSTEMS[(int) (n % OPERATING_SYSTEMS.length)];
    }

    /** 2, 4, 6 or 8; the SQL in {@link Dataset#resetMutableColumns} says the same. */
    public static int cpuCores(long n) {
        return 2 + 2 * (int) (n % 4);
    }

    public static int memoryMb(long n) {
        return 1024 * (1 + (int) (n % 64));
    }

    /** Three hosts in four are active. */
    public static boolean active(long n) {
        return n % 4 != 0;
    }

    /**
     * Seconds after 2024-01-01, so that every value, new rows included, stays before 2038: beyond it
     * mysql-connector-j with server-side prepared statements sends values MariaDB stores as NULL.
     */
    public static LocalDateTime createdAt(long n) {
        return EPOCH.plusSeconds(n);
    }

    /** Null for every seventh host, so every contender reads and writes NULLs. */
    public static String description(long n) {
        return n % 7 == 0 ? null : "Host " + n + " in rack " + rack(n) + " of " + datacenter(n);
    }

    public static String nicName(int index) {
        return "eth" + index;
    }

    public static String macAddress(long hostId, int index) {
        return String.format("02:%02x:%02x:%02x:%02x:%02x", index, hostId >> 24 & 255, hostId >> 16 & 255,
                hostId >> 8 & 255, hostId & 255);
    }

    public static int speedMbps(int index) {
        return index == 0 ? 1000 : 10_000;
    }

    /** The row every contender must produce for host {@code n} with id {@code id}. */
    public static HostRow row(Long id, long n) {
        return new HostRow(id, hostname(n), ipAddr(n), port(n), datacenter(n), rack(n), osName(n), cpuCores(n),
                memoryMb(n), active(n), createdAt(n), description(n));
    }
}
