package io.quarry.sample;

import java.util.List;

/**
 * A datacenter as the REST API shows it, with its hosts.
 *
 * @param id the id
 * @param name the name
 * @param region the region
 * @param hosts its hosts, with their tags
 */
public record DatacenterView(Long id, String name, String region, List<HostView> hosts) {

    static DatacenterView of(Datacenter datacenter) {
        return new DatacenterView(datacenter.getId(), datacenter.getName(), datacenter.getRegion(),
                datacenter.getHosts().stream().map(HostView::of).toList());
    }
}
