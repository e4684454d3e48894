package io.quarry.bench.concurrent;

import io.quarry.bench.support.Reads;
import io.quarry.bench.support.Workload;
import io.quarry.bench.support.Writes;
import java.util.List;

/**
 * The workloads of the concurrent runs, each one operation of a thread; the single-threaded JMH
 * workload of the same name checks the contender beforehand ({@link #checkedBy()}). Immutable.
 */
enum ConcurrentWorkload {

    /** One host by primary key. */
    FIND_BY_ID("FindById", Workload.FIND_BY_ID),
    /** The 10 hosts of a rack, by id: a derived query. */
    FIND_BY_FILTER("FindByFilter rows=10", Workload.FIND_BY_FILTER),
    /** Load a host by id, add one to its port, write it back, in one transaction. */
    READ_MODIFY_WRITE("ReadModifyWrite", Workload.READ_MODIFY_WRITE),
    /** 100 new hosts in one transaction, generated ids set on the objects. */
    INSERT("Insert rows=100", Workload.INSERT);

    static final int INSERT_ROWS = 100;

    private final String label;
    private final Workload checkedBy;

    ConcurrentWorkload(String label, Workload checkedBy) {
        this.label = label;
        this.checkedBy = checkedBy;
    }

    String label() {
        return label;
    }

    Workload checkedBy() {
        return checkedBy;
    }

    /** The workload named {@code name} as in {@link #label()} (without parameters) or as the constant. */
    static ConcurrentWorkload named(String name) {
        for (ConcurrentWorkload workload : values()) {
            if (workload.name().equalsIgnoreCase(name) || workload.label.split(" ")[0].equalsIgnoreCase(name)) {
                return workload;
            }
        }
        throw new IllegalArgumentException("Unknown concurrent workload '" + name + "'; use FindById, FindByFilter, "
                + "ReadModifyWrite or Insert");
    }

    /**
     * One operation of {@code contender} with {@code keys}; throws when the result is not what the
     * operation must return (a missing row, fewer rows), so a contender cannot win by doing less.
     */
    <H> void run(Reads<H> reads, Writes<H> writes, ThreadKeys keys) {
        switch (this) {
            case FIND_BY_ID -> expect(reads.findById(keys.id()) != null, "findById found nothing");
            case FIND_BY_FILTER -> expectSize(reads.findByRack(keys.datacenter(), keys.rack()), 10);
            case READ_MODIFY_WRITE -> expect(writes.readModifyWrite(keys.id()) != null, "readModifyWrite returned null");
            case INSERT -> expectSize(writes.insert(keys.newHosts(INSERT_ROWS), INSERT_ROWS), INSERT_ROWS);
        }
    }

    private static void expectSize(List<?> rows, int size) {
        expect(rows.size() == size, "expected " + size + " rows but got " + rows.size());
    }

    private static void expect(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
