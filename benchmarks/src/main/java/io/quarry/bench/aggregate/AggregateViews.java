package io.quarry.bench.aggregate;

import java.util.Comparator;
import java.util.List;

/**
 * What the checks compare: every contender's objects turned into these records, collections sorted by id,
 * so two contenders agree exactly when they loaded the same content. Built only in the checks, never in
 * the measured code. Immutable.
 */
public final class AggregateViews {

    private AggregateViews() {
    }

    public record TagView(long id, String name) {
    }

    public record DatacenterRef(long id, String name, String region) {
    }

    /** A host of the host read: its columns, its datacenter and its tags. */
    public record HostView(long id, String hostname, String ipAddr, int port, DatacenterRef datacenter,
            List<TagView> tags) {

        public HostView {
            tags = tags.stream().sorted(Comparator.comparingLong(TagView::id)).toList();
        }
    }

    /** A host as a datacenter holds it; {@code tags} is empty when the workload does not load them. */
    public record HostLine(long id, String hostname, String ipAddr, int port, long datacenterId, List<String> tags) {

        public HostLine {
            tags = tags.stream().sorted().toList();
        }
    }

    /** A datacenter with its hosts. */
    public record DatacenterView(long id, String name, String region, List<HostLine> hosts) {

        public DatacenterView {
            hosts = hosts.stream().sorted(Comparator.comparingLong(HostLine::id)).toList();
        }
    }
}
