package io.quarry.repository.scroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.mapping.Entity;
import io.quarry.mapping.GeneratedValue;
import io.quarry.mapping.Id;
import io.quarry.mapping.Table;
import io.quarry.repository.CrudRepository;
import io.quarry.repository.InvalidArgumentException;
import io.quarry.repository.KeysetScrollPosition;
import io.quarry.repository.Limit;
import io.quarry.repository.QueryCreationException;
import io.quarry.repository.ScrollPosition;
import io.quarry.repository.Sort;
import io.quarry.repository.Window;
import io.quarry.repository.WindowIterator;
import io.quarry.repository.support.RepositoryFactory;
import io.quarry.session.Engine;
import io.quarry.testing.CrossDatabaseTest;
import io.quarry.testing.TestDatabase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Derived scrolling methods (Window + ScrollPosition) as Spring Data's: keyset windows read with a WHERE on
 * the sort keys (the id appended as a tiebreaker), offset windows with OFFSET, both giving the rows of one
 * full ordered read; backward scrolling; one statement per window; positions from elsewhere refused.
 */
@CrossDatabaseTest
class ScrollingIT {

    @Entity
    @Table(name = "sc_host")
    record Host(@Id @GeneratedValue Long id, String hostname, String rack, int port, String note) {
    }

    interface HostName {
        String getHostname();
    }

    interface HostRepository extends CrudRepository<Host, Long> {
        Window<Host> findFirst5ByRackOrderByHostname(String rack, ScrollPosition position);

        Window<Host> findFirst5ByOrderByHostnameDesc(ScrollPosition position);

        Window<Host> findFirst4ByOrderByRackAscPortDesc(ScrollPosition position);

        Window<Host> findFirst3ByOrderByPortDesc(ScrollPosition position);

        Window<Host> findFirst5By(ScrollPosition position);

        Window<Host> findByPortGreaterThan(int port, ScrollPosition position, Sort sort, Limit limit);

        Window<HostName> findFirst5ByOrderByHostname(ScrollPosition position);

        Window<Host> findFirst2ByOrderByNote(ScrollPosition position);
    }

    interface WithoutPosition extends CrudRepository<Host, Long> {
        Window<Host> findFirst5ByRack(String rack);
    }

    interface HandWrittenWindow extends CrudRepository<Host, Long> {
        @io.quarry.repository.Query("select * from sc_host order by hostname")
        Window<Host> hostsAfter(ScrollPosition position);
    }

    interface CountWithPosition extends CrudRepository<Host, Long> {
        long countByRack(String rack, ScrollPosition position);
    }

    private static final int HOSTS = 23;

    private final TestDatabase db;
    private final List<String> statements = new CopyOnWriteArrayList<>();
    private Engine engine;
    private HostRepository hosts;
    private List<Host> saved;

    ScrollingIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void createHosts() {
        db.dropTablesQuietly("sc_host");
        engine = Engine.create(db.dataSource());
        engine.createAll(Host.class);
        hosts = RepositoryFactory.of(engine.sessionFactory()).create(HostRepository.class);
        List<Host> all = new ArrayList<>();
        for (int i = 1; i <= HOSTS; i++) {
            all.add(new Host(null, String.format("h%02d", (i * 7) % HOSTS + 1), "r" + i % 3, 1000 + i % 5,
                    i % 4 == 0 ? null : "n" + i));
        }
        saved = new ArrayList<>();
        hosts.saveAll(all).forEach(saved::add);
        engine.addStatementListener((sql, rows, nanos) -> statements.add(sql));
    }

    @AfterEach
    void dropHosts() {
        db.dropTablesQuietly("sc_host");
    }

    /** Every row, window after window, each from the position of the last row of the one before. */
    private List<Host> scrollAll(Function<ScrollPosition, Window<Host>> query, ScrollPosition start) {
        List<Host> rows = new ArrayList<>();
        ScrollPosition position = start;
        for (int windows = 0; windows < 100; windows++) {
            Window<Host> window = query.apply(position);
            rows.addAll(window.getContent());
            if (window.isLast()) {
                return rows;
            }
            position = window.positionAt(window.size() - 1);
        }
        throw new AssertionError("more than 100 windows");
    }

    private List<Host> sorted(Comparator<Host> order) {
        return saved.stream().sorted(order.thenComparing(Host::id)).toList();
    }

    @Test
    void keysetAndOffsetWindowsGiveTheRowsOfOneOrderedRead() {
        List<Host> expected = sorted(Comparator.comparing(Host::hostname).reversed());

        assertThat(scrollAll(hosts::findFirst5ByOrderByHostnameDesc, ScrollPosition.keyset())).isEqualTo(expected);
        assertThat(scrollAll(hosts::findFirst5ByOrderByHostnameDesc, ScrollPosition.offset())).isEqualTo(expected);

        List<Host> rack1 = saved.stream().filter(host -> host.rack().equals("r1"))
                .sorted(Comparator.comparing(Host::hostname)).toList();
        assertThat(scrollAll(position -> hosts.findFirst5ByRackOrderByHostname("r1", position), ScrollPosition.keyset()))
                .isEqualTo(rack1);
        assertThat(scrollAll(position -> hosts.findFirst5ByRackOrderByHostname("r1", position), ScrollPosition.offset()))
                .isEqualTo(rack1);
    }

    @Test
    void tiesOnTheSortKeysAreBrokenByTheIdSoNoRowIsSkippedOrRepeated() {
        assertThat(scrollAll(hosts::findFirst3ByOrderByPortDesc, ScrollPosition.keyset()))
                .isEqualTo(sorted(Comparator.comparingInt(Host::port).reversed()));
        assertThat(scrollAll(hosts::findFirst3ByOrderByPortDesc, ScrollPosition.offset()))
                .isEqualTo(sorted(Comparator.comparingInt(Host::port).reversed()));
        assertThat(scrollAll(hosts::findFirst4ByOrderByRackAscPortDesc, ScrollPosition.keyset()))
                .isEqualTo(sorted(Comparator.comparing(Host::rack).thenComparing(Comparator.comparingInt(Host::port)
                        .reversed())));
        assertThat(scrollAll(hosts::findFirst5By, ScrollPosition.keyset())).isEqualTo(sorted(Comparator.comparing(
                Host::id)));
    }

    @Test
    void aRunTimeSortAndLimitShapeTheWindows() {
        Sort sort = Sort.by(Sort.Order.desc("rack"), Sort.Order.asc("hostname"));
        List<Host> expected = saved.stream().filter(host -> host.port() > 1001).sorted(Comparator.comparing(Host::rack)
                .reversed().thenComparing(Host::hostname)).toList();

        assertThat(scrollAll(position -> hosts.findByPortGreaterThan(1001, position, sort, Limit.of(4)),
                ScrollPosition.keyset())).isEqualTo(expected);
        assertThat(scrollAll(position -> hosts.findByPortGreaterThan(1001, position, sort, Limit.of(4)),
                ScrollPosition.offset())).isEqualTo(expected);
        Window<Host> everything = hosts.findByPortGreaterThan(1001, ScrollPosition.keyset(), sort, Limit.unlimited());
        assertThat(everything.getContent()).isEqualTo(expected);
        assertThat(everything.hasNext()).isFalse();
    }

    @Test
    void eachWindowIsOneStatementAndKeysetWindowsNeverUseOffset() {
        statements.clear();
        List<Host> rows = scrollAll(hosts::findFirst3ByOrderByPortDesc, ScrollPosition.keyset());

        assertThat(rows).hasSize(HOSTS);
        assertThat(statements).hasSize(8); // 23 rows, 3 a window
        assertThat(statements.get(0)).doesNotContain(" where ");
        assertThat(statements.subList(1, statements.size())).allMatch(sql -> sql.contains(" where "))
                .noneMatch(sql -> sql.toLowerCase().contains("offset"));
        assertThat(statements.stream().distinct()).hasSize(2);

        statements.clear();
        scrollAll(hosts::findFirst5ByOrderByHostnameDesc, ScrollPosition.offset());
        assertThat(statements).hasSize(5).allMatch(sql -> sql.toLowerCase().contains("offset"))
                .allMatch(sql -> sql.contains("order by hostname desc, id asc"));
    }

    @Test
    void theKeysetWhereComparesEachSortKeyThenTheId() {
        Window<Host> first = hosts.findFirst4ByOrderByRackAscPortDesc(ScrollPosition.keyset());
        statements.clear();

        hosts.findFirst4ByOrderByRackAscPortDesc(first.positionAt(3));

        assertThat(statements).containsExactly("select id, hostname, rack, port, note from sc_host where (rack >= ? and "
                + "(rack > ? or (rack = ? and port < ?) or (rack = ? and port = ? and id > ?))) order by rack asc, "
                + "port desc, id asc limit ?");
    }

    @Test
    void aWindowHandsOutTheSortKeysAndIdOfEachRowAsItsPosition() {
        Window<Host> window = hosts.findFirst4ByOrderByRackAscPortDesc(ScrollPosition.keyset());
        Host third = window.getContent().get(2);

        assertThat(window.size()).isEqualTo(4);
        assertThat(window.hasNext()).isTrue();
        assertThat(window.positionAt(2)).isEqualTo(ScrollPosition.forward(Map.of("rack", third.rack(), "port",
                third.port(), "id", third.id())));
        assertThat(((KeysetScrollPosition) window.positionAt(third)).getKeys().keySet()).containsExactly("rack", "port",
                "id");
        assertThat(hosts.findFirst5ByOrderByHostnameDesc(ScrollPosition.offset(4)).positionAt(0))
                .isEqualTo(ScrollPosition.offset(5));
    }

    @Test
    void scrollingBackwardReadsTheRowsBeforeThePositionInTheQuerysOrder() {
        List<Host> expected = sorted(Comparator.comparingInt(Host::port).reversed());
        Window<Host> first = hosts.findFirst3ByOrderByPortDesc(ScrollPosition.keyset());
        Window<Host> second = hosts.findFirst3ByOrderByPortDesc(first.positionAt(2));
        Window<Host> third = hosts.findFirst3ByOrderByPortDesc(second.positionAt(2));

        Window<Host> back = hosts.findFirst3ByOrderByPortDesc(((KeysetScrollPosition) third.positionAt(0)).backward());

        assertThat(back.getContent()).isEqualTo(expected.subList(3, 6));
        assertThat(back.hasNext()).isTrue();
        Window<Host> start = hosts.findFirst3ByOrderByPortDesc(((KeysetScrollPosition) back.positionAt(0)).backward());
        assertThat(start.getContent()).isEqualTo(expected.subList(0, 3));
        assertThat(start.hasNext()).isFalse();
        Window<Host> last = hosts.findFirst3ByOrderByPortDesc(ScrollPosition.keyset().backward());
        assertThat(last.getContent()).isEqualTo(expected.subList(HOSTS - 3, HOSTS));
    }

    @Test
    void aWindowIteratorWalksEveryRowOfEveryWindow() {
        List<Host> rows = new ArrayList<>();
        WindowIterator.of(hosts::findFirst3ByOrderByPortDesc).startingAt(ScrollPosition.keyset())
                .forEachRemaining(rows::add);

        assertThat(rows).isEqualTo(sorted(Comparator.comparingInt(Host::port).reversed()));
    }

    @Test
    void aPositionOfAnotherQueryIsRefusedNamingTheMethodAndItsKeys() {
        ScrollPosition byRack = hosts.findFirst4ByOrderByRackAscPortDesc(ScrollPosition.keyset()).positionAt(0);

        assertThatThrownBy(() -> hosts.findFirst3ByOrderByPortDesc(byRack))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageStartingWith("HostRepository.findFirst3ByOrderByPortDesc: the scroll position holds the keys "
                        + "[rack, port, id] but this query resumes from [port, id] (its sort, then the id)");
        assertThatThrownBy(() -> hosts.findFirst3ByOrderByPortDesc(null))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessage("HostRepository.findFirst3ByOrderByPortDesc: the ScrollPosition is null; pass "
                        + "ScrollPosition.keyset() or ScrollPosition.offset() to read the first window");
    }

    @Test
    void nullSortKeysHaveNoKeysetPositionAndAreRefusedInOne() {
        // NULLs sort first on H2 and MariaDB, last on PostgreSQL: the first or the last window holds them
        Window<Host> forward = hosts.findFirst2ByOrderByNote(ScrollPosition.keyset());
        Window<Host> first = forward.getContent().get(0).note() == null ? forward
                : hosts.findFirst2ByOrderByNote(ScrollPosition.keyset().backward());
        int nullRow = 0;
        assertThat(first.getContent().get(nullRow).note()).isNull();

        assertThat(first.hasPosition(nullRow)).isFalse();
        assertThatThrownBy(() -> first.positionAt(nullRow)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("its 'note' is null, and keyset scrolling cannot resume from a NULL sort key");
        Map<String, Object> keys = new java.util.HashMap<>();
        keys.put("note", null);
        keys.put("id", 1L);
        assertThatThrownBy(() -> hosts.findFirst2ByOrderByNote(ScrollPosition.forward(keys)))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("the scroll position's key 'note' is null");
        assertThat(hosts.findFirst2ByOrderByNote(ScrollPosition.offset(3)).size()).isEqualTo(2);
    }

    @Test
    void projectionsScrollByOffsetButNotByKeyset() {
        Window<HostName> names = hosts.findFirst5ByOrderByHostname(ScrollPosition.offset());
        assertThat(names.getContent()).extracting(HostName::getHostname).containsExactly("h01", "h02", "h03", "h04",
                "h05");

        assertThatThrownBy(() -> hosts.findFirst5ByOrderByHostname(ScrollPosition.keyset()))
                .isInstanceOf(InvalidArgumentException.class)
                .hasMessageContaining("return Window<Host> to scroll by keyset, or scroll with ScrollPosition.offset()");
    }

    @Test
    void scrollingMethodsThatCannotWorkFailAtStartUp() {
        RepositoryFactory factory = RepositoryFactory.of(engine.sessionFactory());

        assertThatThrownBy(() -> factory.create(WithoutPosition.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("[WithoutPosition.findFirst5ByRack]; it returns Window<Host> but takes no "
                        + "ScrollPosition");
        assertThatThrownBy(() -> factory.create(HandWrittenWindow.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("[HandWrittenWindow.hostsAfter]; @Query SQL is not rewritten to scroll");
        assertThatThrownBy(() -> factory.create(CountWithPosition.class)).isInstanceOf(QueryCreationException.class)
                .hasMessageContaining("[CountWithPosition.countByRack]; a ScrollPosition says where a find query's "
                        + "window starts; a count query reads no window");
    }
}
