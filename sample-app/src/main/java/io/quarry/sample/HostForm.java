package io.quarry.sample;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a client sends to create or change a host.
 *
 * @param hostname 1-64 characters
 * @param ipAddr an IPv4 or IPv6 address
 * @param port 1-65535, 22 when absent
 * @param group up to 32 characters
 */
public record HostForm(
        @NotBlank @Size(max = 64) String hostname,
        @NotBlank @Size(max = 128) @Pattern(regexp = "[0-9a-fA-F:.]+", message = "must be an IP address") String ipAddr,
        @Min(1) @Max(65535) Integer port,
        @Size(max = 32) String group) {

    Host toHost() {
        return new Host(hostname, ipAddr, group, port == null ? 22 : port);
    }
}
