package io.quarry.readme;

// README: model
import io.quarry.mapping.Column;
import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Version;

@Entity                                     // table "host": the snake_case of the class
public class Host {
    @Id @GeneratedValue Long id;            // an identity column; keys come back from batched inserts
    @Column(unique = true, nullable = false, length = 64) String hostname;
    @Column(unique = true) String ipAddr;   // column "ip_addr"
    int port = 22;                          // primitives are NOT NULL
    @Version int version;                   // optimistic locking

    protected Host() {}                     // any visibility
    public Host(String hostname, String ipAddr) { this.hostname = hostname; this.ipAddr = ipAddr; }

    public Long getId() { return id; }
    public String getHostname() { return hostname; }
    public String getIpAddr() { return ipAddr; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
}
// END
