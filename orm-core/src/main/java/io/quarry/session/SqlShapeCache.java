package io.quarry.session;

import io.quarry.dialect.LexicalRule;
import io.quarry.sql.SqlShape;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes ({@link SqlShape}) of the SQL texts an engine's sessions run, worked out once per text
 * for all sessions: a session's N+1 detector needs the shape of every read it counts, and most
 * sessions (a repository call outside a transaction, a request) run a statement or two and end, so a
 * cache of their own would lex every statement again. Keeps at most {@value #MAX_TEXTS} texts (texts
 * are SQL without values, so they are few; IN lists of every length are the exception); beyond them
 * shapes are worked out each time. One per engine (its {@link NPlusOneReports}), whose dialect's lexical
 * rules every call passes; thread-safe.
 */
final class SqlShapeCache {

    /** Distinct SQL texts kept. */
    static final int MAX_TEXTS = 4096;

    private final Map<String, String> shapes = new ConcurrentHashMap<>();

    /** The shape of {@code sql} under the engine's lexical {@code rules}. */
    String of(String sql, Set<LexicalRule> rules) {
        String shape = shapes.get(sql);
        if (shape != null) {
            return shape;
        }
        shape = SqlShape.of(sql, rules);
        if (shapes.size() < MAX_TEXTS) {
            shapes.putIfAbsent(sql, shape);
        }
        return shape;
    }

    /** How many texts are kept (for tests). */
    int size() {
        return shapes.size();
    }
}
