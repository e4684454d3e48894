package io.quarry.sample;

/**
 * How many hosts a group has.
 *
 * @param group the group name
 * @param hosts the number of hosts in it
 */
public record GroupCount(String group, long hosts) {
}
