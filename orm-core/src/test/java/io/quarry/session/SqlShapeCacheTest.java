package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.dialect.LexicalRule;
import io.quarry.sql.SqlShape;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlShapeCacheTest {

    private static final Set<LexicalRule> RULES = Set.of();

    @Test
    void givesTheShapeOfSqlShapeAndKeepsItForTheNextSession() {
        SqlShapeCache shapes = new SqlShapeCache();
        String sql = "select id from host where id in (?, ?, ?) and rack = ?";

        String first = shapes.of(sql, RULES);
        String again = shapes.of(sql, RULES);

        assertThat(first).isEqualTo(SqlShape.of(sql, RULES)).isEqualTo("select id from host where id in (...) and rack = ?");
        assertThat(again).as("worked out once, the kept shape handed out").isSameAs(first);
        assertThat(shapes.size()).isEqualTo(1);
    }

    @Test
    void keepsAtMostMaxTextsAndStillShapesTheRest() {
        SqlShapeCache shapes = new SqlShapeCache();
        for (int i = 0; i < SqlShapeCache.MAX_TEXTS + 10; i++) {
            shapes.of("select id from host where id in (?) and rack = " + i, RULES);
        }

        assertThat(shapes.size()).isEqualTo(SqlShapeCache.MAX_TEXTS);
        assertThat(shapes.of("select id from t where id in (?, ?)", RULES)).isEqualTo("select id from t where id in (...)");
        assertThat(shapes.size()).isEqualTo(SqlShapeCache.MAX_TEXTS);
    }

    @Test
    void isSharedByTheDetectorsOfOneEngine() {
        NPlusOneReports reports = new NPlusOneReports();
        NPlusOneDetection settings = NPlusOneDetection.warn(2);
        String sql = "select id from host where id = ?";

        NPlusOneDetector.of(settings, RULES, reports).counted(sql);
        NPlusOneDetector.of(settings, RULES, reports).counted(sql);

        assertThat(reports.shapes().size()).as("one text, shaped once for both sessions").isEqualTo(1);
    }
}
