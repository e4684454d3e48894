package io.quarry.sample;

/**
 * How many hosts the datacenters of a region have.
 *
 * @param region the region
 * @param hosts the number of hosts in it
 */
public record RegionCount(String region, long hosts) {
}
