package io.wharf.api.defaults;

import static io.wharf.api.defaults.DefaultsTestSupport.assertDefaults;

import org.junit.jupiter.api.Test;

/** batch/v1 Job and CronJob. */
class BatchDefaultsTest {
    private static final String TEMPLATE = """
            template:
              spec:
                restartPolicy: Never
                containers: [{name: pi, image: perl}]
            """;
    private static final String DEFAULTED_TEMPLATE = """
            template:
              spec:
                restartPolicy: Never
                containers:
                - name: pi
                  image: perl
                  imagePullPolicy: Always
                  terminationMessagePath: /dev/termination-log
                  terminationMessagePolicy: File
                dnsPolicy: ClusterFirst
                schedulerName: default-scheduler
                securityContext: {}
                terminationGracePeriodSeconds: 30
            """;

    @Test
    void job() {
        assertDefaults("batch", "v1", "Job", "metadata: {name: pi}\nspec:\n" + TEMPLATE.indent(2), """
                metadata: {name: pi}
                spec:
                  completions: 1
                  parallelism: 1
                  backoffLimit: 6
                  completionMode: NonIndexed
                  suspend: false
                  podReplacementPolicy: TerminatingOrFailed
                  manualSelector: false
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void parallelJobsKeepCompletionsUnset() {
        assertDefaults("batch", "v1", "Job", "spec:\n  parallelism: 4\n" + TEMPLATE.indent(2), """
                spec:
                  parallelism: 4
                  backoffLimit: 6
                  completionMode: NonIndexed
                  suspend: false
                  podReplacementPolicy: TerminatingOrFailed
                  manualSelector: false
                """ + DEFAULTED_TEMPLATE.indent(2));
        assertDefaults("batch", "v1", "Job", "spec:\n  completions: 8\n" + TEMPLATE.indent(2), """
                spec:
                  completions: 8
                  parallelism: 1
                  backoffLimit: 6
                  completionMode: NonIndexed
                  suspend: false
                  podReplacementPolicy: TerminatingOrFailed
                  manualSelector: false
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void indexedJobWithPerIndexBackoffAndFailurePolicy() {
        assertDefaults("batch", "v1", "Job", """
                spec:
                  completions: 3
                  parallelism: 3
                  completionMode: Indexed
                  backoffLimitPerIndex: 1
                  manualSelector: true
                  selector: {matchLabels: {job: x}}
                  suspend: true
                  podFailurePolicy:
                    rules:
                    - action: Ignore
                      onPodConditions: [{type: DisruptionTarget}, {type: Custom, status: "False"}]
                    - action: FailJob
                      onExitCodes: {operator: In, values: [42]}
                """ + TEMPLATE.indent(2), """
                spec:
                  completions: 3
                  parallelism: 3
                  completionMode: Indexed
                  backoffLimitPerIndex: 1
                  backoffLimit: 2147483647
                  manualSelector: true
                  selector: {matchLabels: {job: x}}
                  suspend: true
                  podReplacementPolicy: Failed
                  podFailurePolicy:
                    rules:
                    - action: Ignore
                      onPodConditions: [{type: DisruptionTarget, status: "True"}, {type: Custom, status: "False"}]
                    - action: FailJob
                      onExitCodes: {operator: In, values: [42]}
                """ + DEFAULTED_TEMPLATE.indent(2));
    }

    @Test
    void jobLabelsComeFromTheTemplateWhenAbsent() {
        assertDefaults("batch", "v1", "Job", """
                metadata: {name: j}
                spec:
                  backoffLimit: 0
                  podReplacementPolicy: Failed
                  template:
                    metadata: {labels: {app: batch}}
                    spec: {restartPolicy: OnFailure, containers: [{name: c, image: "c:1"}]}
                """, """
                metadata: {name: j, labels: {app: batch}}
                spec:
                  completions: 1
                  parallelism: 1
                  backoffLimit: 0
                  completionMode: NonIndexed
                  suspend: false
                  podReplacementPolicy: Failed
                  manualSelector: false
                  template:
                    metadata: {labels: {app: batch}}
                    spec:
                      restartPolicy: OnFailure
                      containers:
                      - name: c
                        image: "c:1"
                        imagePullPolicy: IfNotPresent
                        terminationMessagePath: /dev/termination-log
                        terminationMessagePolicy: File
                      dnsPolicy: ClusterFirst
                      schedulerName: default-scheduler
                      securityContext: {}
                      terminationGracePeriodSeconds: 30
                """);
        assertDefaults("batch", "v1", "Job", """
                metadata: {name: j, labels: {own: label}}
                spec:
                  template:
                    metadata: {labels: {app: batch}}
                """, """
                metadata: {name: j, labels: {own: label}}
                spec:
                  completions: 1
                  parallelism: 1
                  backoffLimit: 6
                  completionMode: NonIndexed
                  suspend: false
                  podReplacementPolicy: TerminatingOrFailed
                  manualSelector: false
                  template:
                    metadata: {labels: {app: batch}}
                    spec:
                      dnsPolicy: ClusterFirst
                      restartPolicy: Always
                      schedulerName: default-scheduler
                      securityContext: {}
                      terminationGracePeriodSeconds: 30
                """);
    }

    @Test
    void cronJobDefaultsItsTemplateButNotAsAJob() {
        assertDefaults("batch", "v1", "CronJob", """
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  jobTemplate:
                    spec:
                      podFailurePolicy:
                        rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]
                """ + TEMPLATE.indent(6), """
                metadata: {name: nightly}
                spec:
                  schedule: "0 3 * * *"
                  concurrencyPolicy: Allow
                  suspend: false
                  successfulJobsHistoryLimit: 3
                  failedJobsHistoryLimit: 1
                  jobTemplate:
                    spec:
                      podFailurePolicy:
                        rules: [{action: Ignore, onPodConditions: [{type: DisruptionTarget}]}]
                """ + DEFAULTED_TEMPLATE.indent(6));
        assertDefaults("batch", "v1", "CronJob", """
                spec:
                  schedule: "@hourly"
                  concurrencyPolicy: Forbid
                  suspend: true
                  successfulJobsHistoryLimit: 0
                  failedJobsHistoryLimit: 5
                  jobTemplate:
                    spec:
                """ + TEMPLATE.indent(6), """
                spec:
                  schedule: "@hourly"
                  concurrencyPolicy: Forbid
                  suspend: true
                  successfulJobsHistoryLimit: 0
                  failedJobsHistoryLimit: 5
                  jobTemplate:
                    spec:
                """ + DEFAULTED_TEMPLATE.indent(6));
    }
}
