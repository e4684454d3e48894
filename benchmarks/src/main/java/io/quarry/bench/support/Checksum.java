package io.quarry.bench.support;

/** What the streaming workload computes from each row, so that every column it touches is really read. */
public final class Checksum {

    private Checksum() {
    }

    public static long add(long sum, long id, int port, String hostname, String description) {
        return sum + id * 31 + port + hostname.length() + (description == null ? 0 : description.length());
    }
}
