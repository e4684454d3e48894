package io.quarry.readme;

import io.quarry.SessionStateException;
import io.quarry.sample.Datacenter;
import io.quarry.sample.DatacenterRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The README's sample of relations through the Spring starter, on the sample application's
 * {@link DatacenterRepository}, run by {@link ReadmeSamplesTest}.
 */
final class SampleRelationSamples {

    /**
     * What the sample saw: hosts and tags of the read with {@code @LoadWith}, the error of the collection
     * nobody loaded, and the hosts counted inside a transaction.
     */
    record Seen(int hosts, int tags, String error, int hostsInTransaction) {
    }

    static Seen run(DatacenterRepository datacenters, TransactionTemplate transaction, long id) {
        int hosts;
        int tags;
        String error = null;
        // README: spring-relations
        Datacenter fra = datacenters.readById(id).orElseThrow();   // @LoadWith: datacenter, hosts, tags: 3 statements
        hosts = fra.getHosts().size();                              // loaded with the read: no statement
        tags = fra.getHosts().get(0).getTags().size();

        Datacenter bare = datacenters.findByName("fra-1").orElseThrow();  // 1 statement; hosts not loaded
        try {
            bare.getHosts().size();                  // the read's short session is closed: no query, no connection
        } catch (SessionStateException e) {
            error = e.getMessage();                  // "Cannot load Datacenter.hosts of Datacenter 1: the session ..."
        }

        int hostsInTransaction = transaction.execute(status ->     // inside a transaction: loaded on first access
                datacenters.findByName("fra-1").orElseThrow().getHosts().size());
        // END
        return new Seen(hosts, tags, error, hostsInTransaction);
    }

    private SampleRelationSamples() {
    }
}
