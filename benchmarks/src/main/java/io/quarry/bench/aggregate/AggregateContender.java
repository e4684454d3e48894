package io.quarry.bench.aggregate;

import io.quarry.bench.aggregate.AggregateViews.DatacenterView;
import io.quarry.bench.aggregate.AggregateViews.HostView;
import java.util.List;

/**
 * What every contender of the aggregate workloads does, in its own types: {@code H} a host with its
 * datacenter and tags, {@code D} a datacenter with its hosts, {@code W} a datacenter it wrote (with hosts
 * that hold their tags). The view methods turn them into {@link AggregateViews} for the checks.
 */
public interface AggregateContender<H, D, W> {

    /** Hosts with ids up to {@code maxHostId}, by id, each with its datacenter and its tags. */
    List<H> hostsWithDatacenterAndTags(long maxHostId);

    /** Datacenters with ids up to {@code maxDatacenterId}, by id, each with all its hosts. */
    List<D> datacentersWithHosts(long maxDatacenterId);

    /**
     * Stores {@code datacenters} with their hosts, {@link AggregateSeed#NEW_TAGS} new tags named by
     * {@link AggregateSeed#newTagNames()} and each host's three tags, in one transaction; generated ids are set
     * on the returned objects.
     */
    List<W> write(List<AggregateSeed.NewDatacenter> datacenters);

    HostView hostView(H host);

    DatacenterView datacenterView(D datacenter);

    /** The written datacenter with its hosts and each host's tag names. */
    DatacenterView writtenView(W datacenter);
}
