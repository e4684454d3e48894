package io.quarry.readme;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.Lock;
import io.quarry.repository.LockMode;
import io.quarry.repository.Page;
import io.quarry.repository.Pageable;
import java.util.List;
import java.util.Optional;

// README: parity-repository
public interface HostAdminRepository extends CrudRepository<Host, Long> {
    @Lock(LockMode.PESSIMISTIC_WRITE)                 // select ... for update: held until the transaction ends
    Optional<Host> findByHostname(String hostname);

    List<Host> deleteByPortGreaterThan(int port);      // one locking SELECT, one DELETE batch; returns the rows

    Page<Host> findFirst2ByOrderByHostname(Pageable page);   // at most 2 rows per page, from the page's offset

    List<HostLine> findByPortLessThan(int port);       // a setter DTO: reads hostname and port only

    class HostLine {
        private String hostname;
        private int port;

        public void setHostname(String hostname) { this.hostname = hostname; }
        public void setPort(int port) { this.port = port; }
        public String getHostname() { return hostname; }
        public int getPort() { return port; }
    }
}
// END
