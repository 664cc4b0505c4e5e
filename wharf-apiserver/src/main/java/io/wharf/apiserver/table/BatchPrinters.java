package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** batch/v1 Job and CronJob. */
final class BatchPrinters {
    private BatchPrinters() {
    }

    static final RowPrinter JOB = SimpleRowPrinter.of((o, now) -> {
        String[] ci = Cells.containerNamesAndImages(Fields.at(o, "spec", "template", "spec"));
        return List.of(
                Fields.name(o),
                jobStatus(o),
                completions(o),
                duration(o, now),
                Cells.age(o, now),
                ci[0], ci[1],
                Selectors.formatSelector(Fields.at(o, "spec", "selector")));
    },
            Columns.name(),
            Columns.string("Status", "Overall state of the job."),
            Columns.string("Completions", "Succeeded pods out of the completions wanted."),
            Columns.string("Duration", "How long the job ran, or has been running."),
            Columns.age(),
            Columns.containers(), Columns.images(), Columns.selector());

    static final RowPrinter CRON_JOB = SimpleRowPrinter.of((o, now) -> {
        JsonNode jobSpec = Fields.at(o, "spec", "jobTemplate", "spec");
        String[] ci = Cells.containerNamesAndImages(Fields.at(jobSpec, "template", "spec"));
        String lastSchedule = Fields.has(o, "status", "lastScheduleTime")
                ? Cells.since(o, now, "status", "lastScheduleTime")
                : Cells.NONE;
        return List.of(
                Fields.name(o),
                Fields.str(o, "spec", "schedule"),
                Fields.has(o, "spec", "timeZone") ? Fields.str(o, "spec", "timeZone") : Cells.NONE,
                Cells.boolPtr(o, "spec", "suspend"),
                (long) Fields.size(o, "status", "active"),
                lastSchedule,
                Cells.age(o, now),
                ci[0], ci[1],
                Selectors.formatSelector(Fields.at(jobSpec, "selector")));
    },
            Columns.name(),
            Columns.string("Schedule", "Cron schedule of the job."),
            Columns.string("Timezone", "Time zone the schedule is read in."),
            Columns.bool("Suspend", "Whether new runs are suspended."),
            Columns.integer("Active", "Number of running jobs."),
            Columns.string("Last Schedule", "Time since a job was last scheduled."),
            Columns.age(),
            Columns.containers(), Columns.images(), Columns.selector());

    /** Terminal conditions first, then deletion, then the transient conditions, else Running. */
    private static String jobStatus(JsonNode job) {
        if (conditionTrue(job, "Complete")) {
            return "Complete";
        } else if (conditionTrue(job, "Failed")) {
            return "Failed";
        } else if (Fields.deleting(job)) {
            return "Terminating";
        } else if (conditionTrue(job, "Suspended")) {
            return "Suspended";
        } else if (conditionTrue(job, "FailureTarget")) {
            return "FailureTarget";
        }
        return "Running";
    }

    /** The first condition of the type decides. */
    private static boolean conditionTrue(JsonNode job, String type) {
        for (JsonNode c : Fields.list(job, "status", "conditions")) {
            if (type.equals(Fields.str(c, "type"))) {
                return "True".equals(Fields.str(c, "status"));
            }
        }
        return false;
    }

    /** "succeeded/completions"; without completions "succeeded/1", plus " of N" for parallel work queues. */
    private static String completions(JsonNode job) {
        long succeeded = Fields.num(job, "status", "succeeded");
        if (Fields.has(job, "spec", "completions")) {
            return succeeded + "/" + Fields.num(job, "spec", "completions");
        }
        long parallelism = Fields.num(job, "spec", "parallelism");
        return parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }

    /** Empty before the job starts; start to completion once done; start to now while running. */
    private static String duration(JsonNode job, Instant now) {
        Instant start = Fields.time(job, "status", "startTime");
        if (start == null) {
            return "";
        }
        Instant end = Fields.time(job, "status", "completionTime");
        return HumanDuration.format(Duration.between(start, end == null ? now : end));
    }
}
