package io.quarry.bench.aggregate.springjdbc;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A host inside {@link DjReadDatacenter}'s aggregate, without its tag rows. */
@Table("agg_host")
public class DjReadHost {

    @Id
    private Long id;
    private String hostname;
    private String ipAddr;
    private int port;

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
}
