package io.quarry.bench.aggregate;

import io.quarry.bench.aggregate.AggregateViews.DatacenterRef;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostLine;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateViews.TagView;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain objects raw JDBC and jOOQ assemble: a host holds its datacenter object and its tag objects, a
 * datacenter its host objects, as an ORM's entities do. Mutable, not thread-safe.
 */
public final class Plain {

    private Plain() {
    }

    public static final class Tag {
        public Long id;
        public String name;

        public Tag(Long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    public static final class Datacenter {
        public Long id;
        public String name;
        public String region;
        public final List<Host> hosts = new ArrayList<>();

        public Datacenter(Long id, String name, String region) {
            this.id = id;
            this.name = name;
            this.region = region;
        }
    }

    public static final class Host {
        public Long id;
        public String hostname;
        public String ipAddr;
        public int port;
        public Datacenter datacenter;
        public final List<Tag> tags = new ArrayList<>(AggregateSeed.TAGS_PER_HOST);

        public Host(Long id, String hostname, String ipAddr, int port) {
            this.id = id;
            this.hostname = hostname;
            this.ipAddr = ipAddr;
            this.port = port;
        }
    }

    public static HostView hostView(Host host) {
        return new HostView(host.id, host.hostname, host.ipAddr, host.port,
                new DatacenterRef(host.datacenter.id, host.datacenter.name, host.datacenter.region),
                host.tags.stream().map(tag -> new TagView(tag.id, tag.name)).toList());
    }

    public static DatacenterView datacenterView(Datacenter datacenter) {
        return new DatacenterView(datacenter.id, datacenter.name, datacenter.region, datacenter.hosts.stream()
                .map(host -> new HostLine(host.id, host.hostname, host.ipAddr, host.port, host.datacenter.id,
                        host.tags.stream().map(tag -> tag.name).toList()))
                .toList());
    }
}
