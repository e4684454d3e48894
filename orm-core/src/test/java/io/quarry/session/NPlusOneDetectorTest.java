package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.NPlusOneException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The detector's counting by text and by shape, without a database. */
class NPlusOneDetectorTest {

    private final List<String> warnings = new ArrayList<>();

    private NPlusOneDetector detector(NPlusOneDetection settings) {
        NPlusOneReports reports = new NPlusOneReports();
        reports.warnings(warnings::add);
        return NPlusOneDetector.of(settings, Set.of(), reports);
    }

    @Test
    void aDetectorThatCountedNothingReportsNoTextsAndNoRuns() {
        NPlusOneDetector detector = detector(NPlusOneDetection.DEFAULT);

        assertThat(detector.texts()).isZero();
        assertThat(detector.count("select id from host where id = ?")).isZero();
    }

    @Test
    void textsOfOneShapeAddUpWhileAnotherShapeCountsApart() {
        NPlusOneDetector detector = detector(NPlusOneDetection.strict(3));
        String one = "select id from host where id in (?)";
        String two = "select id from host where id in (?, ?)";
        String other = "select name from rack where id = ?";

        detector.counted(one);
        detector.counted(one);
        detector.counted(two);
        detector.counted(other);
        detector.counted(other);

        assertThat(detector.count(one)).as("both in-list sizes are one shape").isEqualTo(3);
        assertThat(detector.count(two)).isEqualTo(3);
        assertThat(detector.count(other)).isEqualTo(2);
        assertThat(detector.texts()).as("one entry per distinct text").isEqualTo(3);
        assertThatThrownBy(() -> detector.counted(two)).as("the fourth run of the in-list shape")
                .isInstanceOf(NPlusOneException.class)
                .hasMessageContaining("select id from host where id in (...)")
                .hasMessageContaining("4 times");
        assertThatCode(() -> detector.counted(other)).as("the other shape ran only three times")
                .doesNotThrowAnyException();
    }

    @Test
    void textsBeyondTheLimitAreNeitherCountedNorRefused() {
        NPlusOneDetector detector = detector(NPlusOneDetection.strict(1));
        for (int i = 0; i < NPlusOneDetector.MAX_TEXTS; i++) {
            detector.counted("select id from table_" + i);
        }
        assertThat(detector.texts()).isEqualTo(NPlusOneDetector.MAX_TEXTS);
        String beyond = "select id from table_" + NPlusOneDetector.MAX_TEXTS;

        assertThatCode(() -> {
            detector.counted(beyond);
            detector.counted(beyond);
        }).as("not counted, so never above the threshold of 1").doesNotThrowAnyException();

        assertThat(detector.count(beyond)).isZero();
        assertThat(detector.texts()).isEqualTo(NPlusOneDetector.MAX_TEXTS);
        assertThat(detector.count("select id from table_7")).as("the texts within the limit still count")
                .isEqualTo(1);
        assertThat(warnings).isEmpty();
    }
}
