package io.quarry.sample;

/**
 * What {@code GET /hosts} filters by; null means any.
 *
 * @param region the region of the host's datacenter
 * @param tag a tag the host carries
 * @param group the host's group
 * @param portFrom the lowest port
 * @param portTo the highest port
 */
public record HostFilter(String region, String tag, String group, int portFrom, int portTo) {
}
