package io.quarry.sample;

import java.time.Instant;
import java.util.List;

/**
 * A host as the REST API shows it: its columns, the name of its datacenter (null when it is in none)
 * and the names of its tags. Built while the host's session is open, so the tags must have been
 * loaded (with the read, or on access inside the transaction).
 *
 * @param id the id
 * @param hostname the hostname
 * @param ipAddr the address
 * @param port the SSH port
 * @param group the group, or null
 * @param createdAt when the host was added
 * @param datacenter the datacenter's name, or null
 * @param tags the tag names, in the order they were loaded or added
 */
public record HostView(Long id, String hostname, String ipAddr, int port, String group, Instant createdAt,
        String datacenter, List<String> tags) {

    static HostView of(Host host) {
        return new HostView(host.getId(), host.getHostname(), host.getIpAddr(), host.getPort(), host.getGroup(),
                host.getCreatedAt(), host.getDatacenter() == null ? null : host.getDatacenter().getName(),
                host.getTags().stream().map(Tag::getName).toList());
    }
}
