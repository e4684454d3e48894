package io.quarry.session;

import io.quarry.mapping.EntityModel;
import io.quarry.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams of entities that have relations: the rows are read in chunks of {@value #CHUNK} and each
 * chunk's relations are loaded before its objects are handed out (one statement per relation per
 * chunk, never per row). Where the connection cannot run a statement while a streamed result set
 * is open (MySQL), the result is read whole first, then streamed. Stateless.
 */
final class RelationStreams {

    static final int CHUNK = 256;

    private RelationStreams() {
    }

    static <T> Stream<T> stream(SessionSupport session, StatementTimeout limit, String task, SqlStatement statement,
            Object[] args, EntityModel<T> model, boolean byLabel, boolean track, FetchPlan plan) {
        if (!session.engine().dialect().statementsWhileStreaming()) {
            List<RowLoader<T>> loader = new ArrayList<>(1);
            List<T> all = session.runQuery(limit, task, statement, args, resultSet -> {
                loader.add(byLabel ? session.rowLoader(model, track, resultSet) : session.rowLoader(model, track));
                List<T> rows = new ArrayList<>();
                while (resultSet.next()) {
                    rows.add(loader.get(0).map(resultSet));
                }
                return rows;
            });
            loader.get(0).resolve(plan);
            return loader.get(0).complete(all).stream();
        }
        Holder<T> holder = new Holder<>(session, model, byLabel, track);
        Stream<T> rows = session.runStream(limit, task, statement, args, holder);
        return StreamSupport.stream(new Chunks<>(rows.iterator(), holder, plan), false).onClose(rows::close);
    }

    /** The mapper of the stream: specialized to its result set, it keeps the loader for the chunks. */
    private static final class Holder<T> implements ResultMapper<T> {

        private final SessionSupport session;
        private final EntityModel<T> model;
        private final boolean byLabel;
        private final boolean track;
        private RowLoader<T> loader;

        Holder(SessionSupport session, EntityModel<T> model, boolean byLabel, boolean track) {
            this.session = session;
            this.model = model;
            this.byLabel = byLabel;
            this.track = track;
        }

        @Override
        public T map(ResultSet resultSet) throws SQLException {
            return specialize(resultSet).map(resultSet);
        }

        @Override
        public ResultMapper<T> specialize(ResultSet resultSet) throws SQLException {
            loader = byLabel ? session.rowLoader(model, track, resultSet) : session.rowLoader(model, track);
            return loader;
        }
    }

    /** Hands out the objects of a chunk once the chunk's relations are loaded. */
    private static final class Chunks<T> extends Spliterators.AbstractSpliterator<T> {

        private final Iterator<T> rows;
        private final Holder<T> holder;
        private final FetchPlan plan;
        private final Deque<T> ready = new ArrayDeque<>(CHUNK);

        Chunks(Iterator<T> rows, Holder<T> holder, FetchPlan plan) {
            super(Long.MAX_VALUE, Spliterator.ORDERED);
            this.rows = rows;
            this.holder = holder;
            this.plan = plan;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            if (ready.isEmpty()) {
                List<T> chunk = new ArrayList<>(CHUNK);
                while (chunk.size() < CHUNK && rows.hasNext()) {
                    chunk.add(rows.next()); // null for a record that waits for its references
                }
                if (holder.loader != null) {
                    holder.loader.resolve(plan);
                    holder.loader.complete(chunk);
                }
                ready.addAll(chunk);
            }
            if (ready.isEmpty()) {
                return false;
            }
            action.accept(ready.poll());
            return true;
        }
    }
}
