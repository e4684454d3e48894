package io.quarry.readme;

import static io.quarry.sql.Sql.col;

import io.quarry.repository.CrudRepository;
import io.quarry.repository.PredicateExecutor;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.Window;
import io.quarry.repository.WindowIterator;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import java.util.ArrayList;
import java.util.List;

/** The README's scrolling samples, run by {@link ReadmeSamplesTest}. */
final class ScrollSamples {

    // README: scrolling-repository
    interface HostScrolling extends CrudRepository<Host, Long>, PredicateExecutor<Host> {
        Window<Host> findFirst10ByPortOrderByHostname(int port, ScrollPosition position);
    }
    // END

    record Scrolled(Window<Host> first, Window<Host> next, Window<Host> third, List<Host> all, Window<Host> web) {
    }

    private ScrollSamples() {
    }

    static Scrolled scroll(Engine engine) {
        HostScrolling hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostScrolling.class);
        // README: scrolling
        Window<Host> first = hosts.findFirst10ByPortOrderByHostname(22, ScrollPosition.keyset());
        Window<Host> next = hosts.findFirst10ByPortOrderByHostname(22, first.positionAt(first.size() - 1));
        // ... where (port = ? and (hostname >= ? and (hostname > ? or (hostname = ? and id > ?))))
        // order by hostname asc, id asc limit ?: no OFFSET

        Window<Host> third = hosts.findFirst10ByPortOrderByHostname(22, ScrollPosition.offset(19)); // rows 21-30

        WindowIterator<Host> every = WindowIterator.of(position -> hosts.findFirst10ByPortOrderByHostname(22, position))
                .startingAt(ScrollPosition.keyset());                  // reads window after window as you go

        Window<Host> web = hosts.findBy(col(Host::getHostname).startsWith("web"),
                q -> q.sortBy(Sort.by("hostname")).limit(10).scroll(ScrollPosition.keyset()));
        // END
        List<Host> all = new ArrayList<>();
        every.forEachRemaining(all::add);
        return new Scrolled(first, next, third, all, web);
    }
}
