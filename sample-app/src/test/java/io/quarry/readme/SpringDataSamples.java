package io.quarry.readme;

import static io.quarry.repository.ExampleMatcher.GenericPropertyMatchers.startsWith;
import static io.quarry.sql.Sql.col;

import io.quarry.repository.Example;
import io.quarry.repository.ExampleMatcher;
import io.quarry.repository.Page;
import io.quarry.repository.PageRequest;
import io.quarry.repository.PagingAndSortingRepository;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.QueryByExampleExecutor;
import io.quarry.repository.Sort;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.util.List;
import java.util.Optional;

/** The README's samples for teams coming from Spring Data, each run by {@link ReadmeSamplesTest}. */
final class SpringDataSamples {

    // README: example-repository
    interface InventoryRepository extends PagingAndSortingRepository<Host, Long>, QueryByExampleExecutor<Host>,
            PredicateExecutor<Host> {
    }
    // END

    record Found(List<Host> web, Page<Host> page, Optional<Host> first, long count) {
    }

    record Filtered(List<Host> web, Page<Host> page, long removed) {
    }

    private SpringDataSamples() {
    }

    static Found queryByExample(Engine engine) {
        InventoryRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(InventoryRepository.class);
        // README: query-by-example
        Host probe = new Host("WEB", null);                   // set what to match; null properties are left out
        ExampleMatcher matcher = ExampleMatcher.matching()
                .withIgnorePaths("port", "version")           // primitives are never null: ignore them, or they match
                .withMatcher("hostname", startsWith().ignoreCase());
        Example<Host> example = Example.of(probe, matcher);

        List<Host> web = hosts.findAll(example, Sort.by("hostname"));
        Page<Host> page = hosts.findAll(example, PageRequest.of(0, 20)); // a count only when the page is full
        Optional<Host> first = hosts.findBy(example, q -> q.sortBy(Sort.by("hostname")).first());
        long count = hosts.count(example);
        // END
        return new Found(web, page, first, count);
    }

    static Filtered predicates(Engine engine) {
        InventoryRepository hosts = RepositoryFactory.of(engine.sessionFactory()).create(InventoryRepository.class);
        // README: predicate-executor
        List<Host> web = hosts.findAll(col(Host::getPort).gt(1024).and(col(Host::getHostname).startsWith("web")),
                Sort.by("hostname"));
        Page<Host> page = hosts.findAll(col(Host::getIpAddr).startsWith("10.0."), PageRequest.of(0, 20));
        long removed = hosts.delete(col(Host::getPort).eq(2222));     // one DELETE, returns the count
        // END
        return new Filtered(web, page, removed);
    }
}
