package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** batch/v1 Job and CronJob, including the cron parser's error texts. */
class BatchValidationTest {
    private static final KindTestSupport JOBS = new KindTestSupport("batch", "v1", "Job");
    private static final KindTestSupport CRON_JOBS = new KindTestSupport("batch", "v1", "CronJob");

    /** A Job as the server validates it: defaulted, then given its uid and generated selector. */
    private static ObjectNode job(String specExtra) {
        ObjectNode job = JOBS.object("""
                metadata: {name: pi, namespace: default, uid: 7f6c-11}
                spec:
                """ + specExtra + """
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: pi, image: perl}]
                """);
        JobSelectors.generate(job);
        return job;
    }

    @Test
    void validJobPasses() {
        ObjectNode job = job("");
        assertThat(job.at("/spec/selector/matchLabels/batch.kubernetes.io~1controller-uid").asText()).isEqualTo("7f6c-11");
        assertThat(JOBS.create(job)).isEmpty();
        assertThat(JOBS.create(job("  completionMode: Indexed\n  completions: 3\n  parallelism: 3\n"))).isEmpty();
    }

    @Test
    void countsMustNotBeNegative() {
        assertThat(JOBS.create(job("  parallelism: -1\n  backoffLimit: -2\n  activeDeadlineSeconds: -3\n"))).containsExactly(
                "FieldValueInvalid spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or equal to 0",
                "FieldValueInvalid spec.backoffLimit: Invalid value: -2: must be greater than or equal to 0");
    }

    @Test
    void completionModeAndIndexedRules() {
        assertThat(JOBS.create(job("  completionMode: Sometimes\n"))).containsExactly(
                "FieldValueNotSupported spec.completionMode: Unsupported value: \"Sometimes\": supported values: \"NonIndexed\", \"Indexed\"");
        assertThat(JOBS.create(job("  backoffLimitPerIndex: 1\n"))).containsExactly(
                "FieldValueInvalid spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode");
        ObjectNode longName = job("  completionMode: Indexed\n  completions: 10\n");
        String name = "j".repeat(62);
        ((ObjectNode) longName.get("metadata")).put("name", name);
        JobSelectors.generate(longName);
        assertThat(JOBS.create(longName)).contains("FieldValueInvalid metadata.name: Invalid value: \"" + name
                + "\": will not able to create pod with invalid DNS label: " + name + "-9");
    }

    @Test
    void restartPolicyMustEnd() {
        ObjectNode always = job("");
        ((ObjectNode) always.at("/spec/template/spec")).put("restartPolicy", "Always");
        assertThat(JOBS.create(always)).containsExactly(
                "FieldValueRequired spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
        ObjectNode onFailure = job("  podFailurePolicy: {rules: [{action: FailJob, onExitCodes: {operator: In, values: [1]}}]}\n");
        ((ObjectNode) onFailure.at("/spec/template/spec")).put("restartPolicy", "OnFailure");
        assertThat(JOBS.create(onFailure)).containsExactly(
                "FieldValueInvalid spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is supported when podFailurePolicy is specified");
    }

    @Test
    void podFailurePolicyRules() {
        ObjectNode job = job("""
                  podFailurePolicy:
                    rules:
                    - action: Retry
                      onExitCodes: {operator: In, containerName: other, values: [3, 0, 3]}
                    - action: Ignore
                      onPodConditions: [{type: DisruptionTarget, status: Maybe}]
                    - action: FailJob
                """);
        assertThat(JOBS.create(job)).containsExactly(
                "FieldValueNotSupported spec.podFailurePolicy.rules[0].action: Unsupported value: \"Retry\": supported values: "
                        + "\"Count\", \"FailIndex\", \"FailJob\", \"Ignore\"",
                "FieldValueInvalid spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: \"other\": "
                        + "must be one of the container or initContainer names in the pod template",
                "FieldValueInvalid spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator",
                "FieldValueDuplicate spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
                "FieldValueInvalid spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{3, 0, 3}: must be ordered",
                "FieldValueNotSupported spec.podFailurePolicy.rules[1].onPodConditions[0].status: Unsupported value: \"Maybe\": supported values: "
                        + "\"False\", \"True\", \"Unknown\"",
                "FieldValueInvalid spec.podFailurePolicy.rules[2]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required");
    }

    @Test
    void successPolicyNeedsIndexedJobsAndValidIndexes() {
        assertThat(JOBS.create(job("  successPolicy: {rules: [{succeededCount: 1}]}\n"))).singleElement().asString()
                .startsWith("FieldValueInvalid spec.successPolicy: Invalid value: batch.SuccessPolicy").endsWith(": requires indexed completion mode");
        assertThat(JOBS.create(job("""
                  completionMode: Indexed
                  completions: 5
                  parallelism: 5
                  successPolicy:
                    rules:
                    - {succeededIndexes: "0-2,2", succeededCount: 6}
                    - {succeededIndexes: "x"}
                    - {}
                """))).containsExactly(
                "FieldValueInvalid spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"0-2,2\": error parsing succeededIndexes: "
                        + "non-increasing order, previous: 2, current: 2",
                "FieldValueInvalid spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 "
                        + "(the number of specified completions)",
                "FieldValueInvalid spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 0 "
                        + "(the number of indexes in the specified succeededIndexes field)",
                "FieldValueInvalid spec.successPolicy.rules[1].succeededIndexes: Invalid value: \"x\": error parsing succeededIndexes: "
                        + "cannot convert string to integer for index: \"x\"",
                "FieldValueRequired spec.successPolicy.rules[2]: Required value: at least one of succeededCount or succeededIndexes must be specified");
    }

    @Test
    void generatedSelectorAndLabelsMustBeIntact() {
        ObjectNode job = job("");
        ((ObjectNode) job.at("/spec/template/metadata/labels")).put("job-name", "other");
        ((ObjectNode) job.get("metadata")).remove("uid");
        assertThat(JOBS.create(job)).containsExactly(
                "FieldValueRequired metadata.uid: Required value",
                "FieldValueInvalid spec.template.metadata.labels[controller-uid]: Invalid value: map[string]string{"
                        + "\"batch.kubernetes.io/controller-uid\":\"7f6c-11\", \"batch.kubernetes.io/job-name\":\"pi\", "
                        + "\"controller-uid\":\"7f6c-11\", \"job-name\":\"other\"}: must be ''",
                "FieldValueInvalid spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"
                        + "\"batch.kubernetes.io/controller-uid\":\"7f6c-11\", \"batch.kubernetes.io/job-name\":\"pi\", "
                        + "\"controller-uid\":\"7f6c-11\", \"job-name\":\"other\"}: must be 'pi'",
                "FieldValueInvalid spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value: map[string]string{"
                        + "\"batch.kubernetes.io/controller-uid\":\"7f6c-11\", \"batch.kubernetes.io/job-name\":\"pi\", "
                        + "\"controller-uid\":\"7f6c-11\", \"job-name\":\"other\"}: must be ''",
                "FieldValueInvalid spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"
                        + "\"batch.kubernetes.io/controller-uid\":\"7f6c-11\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                        + "`selector` not auto-generated");
    }

    @Test
    void manualSelectorMustMatchTemplate() {
        ObjectNode job = JOBS.object("""
                metadata: {name: pi, uid: u1}
                spec:
                  manualSelector: true
                  selector: {matchLabels: {app: pi}}
                  template:
                    metadata: {labels: {app: other}}
                    spec:
                      restartPolicy: Never
                      containers: [{name: pi, image: perl}]
                """);
        assertThat(JOBS.create(job)).containsExactly("FieldValueInvalid spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"app\":\"other\"}: `selector` does not match template `labels`");
    }

    @Test
    void updatesKeepTemplateSelectorAndCompletions() {
        ObjectNode old = job("  completions: 2\n");
        ObjectNode changed = old.deepCopy();
        ((ObjectNode) changed.get("spec")).put("completions", 3);
        ((ObjectNode) changed.at("/spec/template/spec/containers/0")).put("image", "perl:5");
        assertThat(JOBS.update(changed, old)).hasSize(2).first().isEqualTo("FieldValueInvalid spec.completions: Invalid value: 3: field is immutable");
        assertThat(JOBS.update(changed, old).get(1)).startsWith("FieldValueInvalid spec.template: Invalid value: core.PodTemplateSpec{")
                .endsWith(": field is immutable");
        assertThat(JOBS.update(old.deepCopy(), old)).isEmpty();
    }

    @Test
    void suspendedJobsMayChangeSchedulingDirectives() {
        ObjectNode old = job("  suspend: true\n");
        ObjectNode moved = old.deepCopy();
        ((ObjectNode) moved.at("/spec/template/spec")).putObject("nodeSelector").put("zone", "a");
        assertThat(JOBS.update(moved, old)).isEmpty();
        ((ObjectNode) old.get("spec")).put("suspend", false);
        assertThat(JOBS.update(moved, old)).singleElement().asString().startsWith("FieldValueInvalid spec.template: Invalid value:");
    }

    @Test
    void indexedJobsScaleCompletionsWithParallelism() {
        ObjectNode old = job("  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n");
        ObjectNode both = old.deepCopy();
        ((ObjectNode) both.get("spec")).put("completions", 4).put("parallelism", 4);
        assertThat(JOBS.update(both, old)).isEmpty();
        ObjectNode alone = old.deepCopy();
        ((ObjectNode) alone.get("spec")).put("completions", 4);
        assertThat(JOBS.update(alone, old)).containsExactly(
                "FieldValueInvalid spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism");
    }

    private static String cronJob(String schedule, String extra) {
        return "metadata: {name: nightly}\nspec:\n  schedule: '" + schedule + "'\n" + extra + """
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          restartPolicy: OnFailure
                          containers: [{name: c, image: busybox}]
                """;
    }

    @Test
    void validCronJobsPass() {
        for (String schedule : new String[] {"*/5 * * * *", "0 3 * JAN-MAR MON-FRI", "@hourly", "@every 1h30m", "15,45 9-17/2 1 * ?"}) {
            assertThat(CRON_JOBS.create(cronJob(schedule, ""))).as(schedule).isEmpty();
        }
        assertThat(CRON_JOBS.create(cronJob("0 0 * * *", "  timeZone: Europe/Berlin\n"))).isEmpty();
    }

    @Test
    void scheduleErrorsUseTheCronParserWording() {
        assertThat(CRON_JOBS.create(cronJob("* * * *", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: [* * * *]");
        assertThat(CRON_JOBS.create(cronJob("61 * * * *", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61");
        assertThat(CRON_JOBS.create(cronJob("* * * foo *", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"* * * foo *\": failed to parse int from foo: strconv.Atoi: parsing \"foo\": invalid syntax");
        assertThat(CRON_JOBS.create(cronJob("@fortnightly", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"@fortnightly\": unrecognized descriptor: @fortnightly");
        assertThat(CRON_JOBS.create(cronJob("@every 5", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"@every 5\": failed to parse duration @every 5: time: missing unit in duration \"5\"");
        assertThat(CRON_JOBS.create(cronJob("*/0 * * * *", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"*/0 * * * *\": step of range should be a positive number: */0");
    }

    @Test
    void timeZonesBelongInTheTimeZoneField() {
        assertThat(CRON_JOBS.create(cronJob("TZ=UTC 0 0 * * *", ""))).containsExactly(
                "FieldValueInvalid spec.schedule: Invalid value: \"TZ=UTC 0 0 * * *\": cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        assertThat(CRON_JOBS.create(cronJob("0 0 * * *", "  timeZone: Mars/Olympus\n"))).containsExactly(
                "FieldValueInvalid spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus");
        assertThat(CRON_JOBS.create(cronJob("0 0 * * *", "  timeZone: Local\n"))).containsExactly(
                "FieldValueInvalid spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
        assertThat(CRON_JOBS.create(cronJob("0 0 * * *", "  timeZone: ''\n"))).containsExactly(
                "FieldValueInvalid spec.timeZone: Invalid value: \"\": timeZone must be nil or non-empty string");
        ObjectNode old = CRON_JOBS.object(cronJob("TZ=UTC 0 0 * * *", ""));
        assertThat(CRON_JOBS.update(CRON_JOBS.object(cronJob("TZ=UTC 0 1 * * *", "")), old)).isEmpty();
    }

    @Test
    void cronJobPoliciesLimitsAndName() {
        String spec = "  concurrencyPolicy: Sometimes\n  startingDeadlineSeconds: -1\n  failedJobsHistoryLimit: -1\n";
        ObjectNode cronJob = CRON_JOBS.object(cronJob("0 0 * * *", spec));
        ((ObjectNode) cronJob.get("metadata")).put("name", "n".repeat(53));
        assertThat(CRON_JOBS.create(cronJob)).containsExactly(
                "FieldValueInvalid spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueNotSupported spec.concurrencyPolicy: Unsupported value: \"Sometimes\": supported values: \"Allow\", \"Forbid\", \"Replace\"",
                "FieldValueInvalid spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
                "FieldValueInvalid metadata.name: Invalid value: \"" + "n".repeat(53) + "\": must be no more than 52 characters");
        assertThat(CRON_JOBS.update(cronJob, cronJob)).doesNotContain(
                "FieldValueInvalid metadata.name: Invalid value: \"" + "n".repeat(53) + "\": must be no more than 52 characters");
    }

    @Test
    void jobTemplateSelectorIsGenerated() {
        ObjectNode cronJob = CRON_JOBS.object(cronJob("0 0 * * *", ""));
        ((ObjectNode) cronJob.at("/spec/jobTemplate/spec")).put("manualSelector", true).putObject("selector")
                .putObject("matchLabels").put("a", "b");
        ((ObjectNode) cronJob.at("/spec/jobTemplate/spec/template/spec")).put("restartPolicy", "Always");
        assertThat(CRON_JOBS.create(cronJob)).containsExactly(
                "FieldValueRequired spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"",
                "FieldValueInvalid spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"
                        + "\"a\":\"b\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated",
                "FieldValueNotSupported spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: \"nil\", \"false\"");
    }
}
