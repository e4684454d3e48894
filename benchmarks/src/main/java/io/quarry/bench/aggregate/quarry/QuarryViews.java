package io.quarry.bench.aggregate.quarry;

import io.quarry.bench.aggregate.AggregateSeed;
import io.quarry.bench.aggregate.AggregateSeed.NewDatacenter;
import io.quarry.bench.aggregate.AggregateSeed.NewHost;
import io.quarry.bench.aggregate.AggregateViews.DatacenterRef;
import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostLine;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import io.quarry.bench.aggregate.AggregateViews.TagView;
import java.util.ArrayList;
import java.util.List;

/** Quarry's objects as the checks see them, and the write's new objects. Stateless. */
final class QuarryViews {

    private QuarryViews() {
    }

    static HostView host(QAggHost host) {
        QDatacenter datacenter = host.getDatacenter();
        return new HostView(host.getId(), host.getHostname(), host.getIpAddr(), host.getPort(),
                new DatacenterRef(datacenter.getId(), datacenter.getName(), datacenter.getRegion()),
                host.getTags().stream().map(tag -> new TagView(tag.getId(), tag.getName())).toList());
    }

    static DatacenterView datacenter(QDatacenter datacenter, boolean withTags) {
        return new DatacenterView(datacenter.getId(), datacenter.getName(), datacenter.getRegion(),
                datacenter.getHosts().stream().map(host -> new HostLine(host.getId(), host.getHostname(),
                        host.getIpAddr(), host.getPort(), host.getDatacenter().getId(), withTags
                                ? host.getTags().stream().map(QTag::getName).toList() : List.of())).toList());
    }

    /** The new objects of a write: datacenters holding their hosts, hosts holding their (new) tags. */
    static List<QDatacenter> newObjects(List<NewDatacenter> plan) {
        List<QTag> tags = new ArrayList<>();
        for (String name : AggregateSeed.newTagNames()) {
            tags.add(new QTag(name));
        }
        List<QDatacenter> datacenters = new ArrayList<>(plan.size());
        for (NewDatacenter planned : plan) {
            QDatacenter datacenter = new QDatacenter(planned.name(), planned.region());
            for (NewHost plannedHost : planned.hosts()) {
                QAggHost host = new QAggHost(plannedHost.hostname(), plannedHost.ipAddr(), plannedHost.port());
                host.setDatacenter(datacenter);
                for (int tag : plannedHost.tags()) {
                    host.getTags().add(tags.get(tag - 1));
                }
                datacenter.getHosts().add(host);
            }
            datacenters.add(datacenter);
        }
        return datacenters;
    }
}
