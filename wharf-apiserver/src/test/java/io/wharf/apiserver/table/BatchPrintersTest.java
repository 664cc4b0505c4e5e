package io.wharf.apiserver.table;

import static io.wharf.apiserver.table.TableFixtures.headers;
import static io.wharf.apiserver.table.TableFixtures.row;
import static io.wharf.apiserver.table.TableFixtures.wideHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchPrintersTest {
    private static final String JOB = """
            metadata: {name: pi, creationTimestamp: "2024-05-01T11:00:00Z"%s}
            spec:
              %s
              selector: {matchLabels: {batch.kubernetes.io/controller-uid: 1b2c}}
              template: {spec: {containers: [{name: pi, image: perl}]}}
            status:
              %s
            """;

    private static Object status(String conditions) {
        return row(BatchPrinters.JOB, JOB.formatted("", "completions: 1", "conditions: " + conditions)).get(1);
    }

    @Test
    void jobColumnsAreThe132Ones() {
        assertThat(headers(BatchPrinters.JOB)).containsExactly(
                "Name", "Status", "Completions", "Duration", "Age", "Containers", "Images", "Selector");
        assertThat(wideHeaders(BatchPrinters.JOB)).containsExactly("Containers", "Images", "Selector");
    }

    @Test
    void completedJobShowsDurationFromStartToCompletion() {
        assertThat(row(BatchPrinters.JOB, JOB.formatted("", "completions: 3", """
                succeeded: 3
                  startTime: "2024-05-01T11:00:05Z"
                  completionTime: "2024-05-01T11:02:35Z"
                  conditions: [{type: SuccessCriteriaMet, status: "True"}, {type: Complete, status: "True"}]
                """))).containsExactly("pi", "Complete", "3/3", "2m30s", "60m", "pi", "perl",
                "batch.kubernetes.io/controller-uid=1b2c");
    }

    @Test
    void runningJobDurationRunsUntilNow() {
        assertThat(row(BatchPrinters.JOB, JOB.formatted("", "parallelism: 4", """
                active: 4
                  succeeded: 1
                  startTime: "2024-05-01T11:56:00Z"
                """)).subList(1, 4)).containsExactly("Running", "1/1 of 4", "4m");
        assertThat(row(BatchPrinters.JOB, JOB.formatted("", "parallelism: 1", "active: 0")).subList(1, 4))
                .containsExactly("Running", "0/1", "");
    }

    @Test
    void statusPrecedence() {
        assertThat(status("[{type: Failed, status: \"True\"}]")).isEqualTo("Failed");
        assertThat(status("[{type: Suspended, status: \"True\"}]")).isEqualTo("Suspended");
        assertThat(status("[{type: FailureTarget, status: \"True\"}]")).isEqualTo("FailureTarget");
        assertThat(status("[{type: Suspended, status: \"False\"}]")).isEqualTo("Running");
        assertThat(status("[{type: FailureTarget, status: \"True\"}, {type: Failed, status: \"True\"}]")).isEqualTo("Failed");
        assertThat(row(BatchPrinters.JOB, JOB.formatted(", deletionTimestamp: \"2024-05-01T11:59:00Z\"", "completions: 1",
                "conditions: [{type: Suspended, status: \"True\"}]")).get(1)).isEqualTo("Terminating");
        assertThat(row(BatchPrinters.JOB, JOB.formatted(", deletionTimestamp: \"2024-05-01T11:59:00Z\"", "completions: 1",
                "conditions: [{type: Complete, status: \"True\"}]")).get(1)).isEqualTo("Complete");
    }

    @Test
    void cronJobShowsScheduleAndLastRun() {
        assertThat(headers(BatchPrinters.CRON_JOB)).containsExactly("Name", "Schedule", "Timezone", "Suspend",
                "Active", "Last Schedule", "Age", "Containers", "Images", "Selector");
        assertThat(row(BatchPrinters.CRON_JOB, """
                metadata: {name: backup, creationTimestamp: "2024-04-24T12:00:00Z"}
                spec:
                  schedule: "*/5 * * * *"
                  timeZone: Europe/Berlin
                  suspend: false
                  jobTemplate:
                    spec:
                      template: {spec: {containers: [{name: backup, image: "restic:0.16"}]}}
                status:
                  active: [{name: backup-28575000}]
                  lastScheduleTime: "2024-05-01T11:55:00Z"
                """)).containsExactly("backup", "*/5 * * * *", "Europe/Berlin", "False", 1L, "5m", "7d",
                "backup", "restic:0.16", "<none>");
        assertThat(row(BatchPrinters.CRON_JOB, "metadata: {name: c}\nspec: {schedule: \"@daily\"}").subList(1, 6))
                .containsExactly("@daily", "<none>", "<unset>", 0L, "<none>");
    }
}
