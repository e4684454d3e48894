package io.quarry.readme;

import io.quarry.spring.retry.RetryingTransactions;
import io.quarry.spring.retry.TransientFailures;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

// README: retry-service
@Service
public class PortService {
    private final HostRepository hosts;
    private final RetryingTransactions retrying;   // from the starter, set up by quarry.retry.*

    public PortService(HostRepository hosts, RetryingTransactions retrying) {
        this.hosts = hosts;
        this.retrying = retrying;
    }

    // @Retryable runs outside @Transactional: every attempt is a new transaction
    @Retryable(predicate = TransientFailures.class, maxRetries = 3, delay = 20, jitter = 10)
    @Transactional(isolation = Isolation.SERIALIZABLE)
    public void swapPorts(String first, String second) {
        Host a = hosts.findByHostname(first).orElseThrow();
        Host b = hosts.findByHostname(second).orElseThrow();
        int port = a.getPort();
        a.setPort(b.getPort());
        b.setPort(port);
    }

    public Host changePort(String hostname, int port) {
        return retrying.execute(status -> {        // one transaction, run again after a transient failure
            Host host = hosts.findByHostname(hostname).orElseThrow();
            host.setPort(port);
            return host;
        });
    }
}
// END
