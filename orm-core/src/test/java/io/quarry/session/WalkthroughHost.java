package io.quarry.session;

import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;

/** The seed's Host: id, unique hostname and ip address, port defaulting to 22. */
@Entity
@Table(name = "s3_host")
class WalkthroughHost {
    @Id
    @GeneratedValue
    Long id;
    @Column(unique = true, nullable = false, length = 64)
    String hostname;
    @Column(unique = true, nullable = false, length = 128)
    String ipAddr;
    int port = 22;

    WalkthroughHost() {
    }

    WalkthroughHost(String hostname, String ipAddr) {
        this.hostname = hostname;
        this.ipAddr = ipAddr;
    }

    WalkthroughHost(String hostname, String ipAddr, int port) {
        this(hostname, ipAddr);
        this.port = port;
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public String getIpAddr() {
        return ipAddr;
    }

    public int getPort() {
        return port;
    }

    @Override
    public String toString() {
        return hostname;
    }
}
