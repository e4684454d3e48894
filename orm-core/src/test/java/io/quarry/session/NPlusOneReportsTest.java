package io.quarry.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NPlusOneReportsTest {

    private static NPlusOneDetection.Finding finding(int number) {
        return new NPlusOneDetection.Finding("select " + number, 21, 20, "Caller.run(Caller.java:1)",
                NPlusOneDetection.Mode.WARN, Instant.EPOCH);
    }

    @Test
    void keepsTheLastHundredFindingsOldestFirst() {
        NPlusOneReports reports = new NPlusOneReports();
        reports.warnings(message -> { });
        for (int i = 0; i < NPlusOneReports.KEPT + 5; i++) {
            reports.found(finding(i), "warning " + i);
        }

        List<NPlusOneDetection.Finding> recent = reports.recent();
        assertThat(recent).hasSize(NPlusOneReports.KEPT);
        assertThat(recent.get(0).sql()).isEqualTo("select 5");
        assertThat(recent.get(recent.size() - 1).sql()).isEqualTo("select 104");
    }

    @Test
    void logsOnlyTheFindingsThatCarryAWarning() {
        NPlusOneReports reports = new NPlusOneReports();
        List<String> warnings = new ArrayList<>();
        reports.warnings(warnings::add);

        reports.found(finding(1), "warning 1");
        reports.found(finding(2), null);

        assertThat(warnings).containsExactly("warning 1");
        assertThat(reports.recent()).hasSize(2);
    }
}
