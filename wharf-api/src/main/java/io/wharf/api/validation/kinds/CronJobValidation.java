package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.validation.FieldProblem;
import java.util.List;
import java.util.regex.Pattern;

/**
 * batch/v1 CronJob: schedule syntax and time zones, concurrency policy, history limits, the job
 * template (whose selector the controller generates), and on create a name short enough for the
 * 11-character suffix of the Jobs it makes.
 */
final class CronJobValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");
    /** Job names are DNS-1035 labels (63) and get "-" plus a 10-digit timestamp. */
    private static final int MAX_NAME_LENGTH = 52;
    /** One part of an IANA zone name; digits and '+' are tolerated for legacy names. */
    private static final Pattern ZONE_PART = Pattern.compile("[A-Za-z.\\-_0-9+]{1,14}");

    @Override
    public List<FieldProblem> validate(ObjectNode cronJob) {
        Problems out = new Problems();
        out.addAll(spec(cronJob.path("spec"), null));
        String name = Nodes.text(cronJob, "metadata", "name");
        if (name.length() > MAX_NAME_LENGTH) {
            out.invalid(FieldPath.of("metadata", "name"), name, "must be no more than 52 characters");
        }
        return out.list();
    }

    /** The name limit is not applied on update, so older long-named CronJobs can still be changed. */
    @Override
    public List<FieldProblem> validateUpdate(ObjectNode cronJob, ObjectNode old) {
        return spec(cronJob.path("spec"), old.path("spec"));
    }

    private static List<FieldProblem> spec(JsonNode spec, JsonNode oldSpec) {
        Problems out = new Problems();
        String schedule = Nodes.text(spec, "schedule");
        String timeZone = Nodes.optionalText(spec, "timeZone");
        if (schedule.isEmpty()) {
            out.required(SPEC.child("schedule"), "");
        } else {
            // Schedules stored with TZ before the timeZone field existed may keep it.
            boolean allowTzInSchedule = oldSpec != null && Nodes.text(oldSpec, "schedule").contains("TZ");
            schedule(out, schedule, allowTzInSchedule, timeZone);
        }
        FieldChecks.nonNegative(out, spec.path("startingDeadlineSeconds"), SPEC.child("startingDeadlineSeconds"));
        if (oldSpec == null || !Semantic.equal(spec.path("timeZone"), oldSpec.path("timeZone"))) {
            timeZone(out, timeZone, SPEC.child("timeZone"));
        }
        String policy = Nodes.text(spec, "concurrencyPolicy");
        switch (policy) {
            case "Allow", "Forbid", "Replace" -> {
                // valid
            }
            case "" -> out.required(SPEC.child("concurrencyPolicy"), "");
            default -> out.notSupported(SPEC.child("concurrencyPolicy"), policy, List.of("Allow", "Forbid", "Replace"));
        }
        jobTemplate(out, spec.path("jobTemplate"), SPEC.child("jobTemplate"));
        FieldChecks.nonNegative(out, spec.path("successfulJobsHistoryLimit"), SPEC.child("successfulJobsHistoryLimit"));
        FieldChecks.nonNegative(out, spec.path("failedJobsHistoryLimit"), SPEC.child("failedJobsHistoryLimit"));
        return out.list();
    }

    private static void schedule(Problems out, String schedule, boolean allowTzInSchedule, String timeZone) {
        FieldPath path = SPEC.child("schedule");
        CronSchedule.parseError(schedule).ifPresent(e -> out.invalid(path, schedule, e));
        if (allowTzInSchedule && schedule.contains("TZ") && timeZone != null) {
            out.invalid(path, schedule, "cannot use both timeZone field and TZ or CRON_TZ in schedule");
        } else if (!allowTzInSchedule && schedule.contains("TZ")) {
            out.invalid(path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
        }
    }

    private static void timeZone(Problems out, String timeZone, FieldPath path) {
        if (timeZone == null) {
            return;
        }
        if (timeZone.isEmpty()) {
            out.invalid(path, timeZone, "timeZone must be nil or non-empty string");
            return;
        }
        for (String part : timeZone.split("/", -1)) {
            if (part.equals(".") || part.equals("..") || part.startsWith("-") || !ZONE_PART.matcher(part).matches()) {
                out.invalid(path, timeZone, "unknown time zone " + timeZone);
                return;
            }
        }
        if (timeZone.equalsIgnoreCase("Local")) {
            out.invalid(path, timeZone,
                    "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
        }
        CronSchedule.loadLocationError(timeZone).ifPresent(e -> out.invalid(path, timeZone, e));
    }

    /** The controller generates each Job's selector, so the template may not carry one. */
    private static void jobTemplate(Problems out, JsonNode jobTemplate, FieldPath path) {
        JsonNode spec = jobTemplate.path("spec");
        FieldPath specPath = path.child("spec");
        out.addAll(JobSpecValidation.validate(spec, specPath));
        if (Nodes.isSet(spec.path("selector"))) {
            out.invalid(specPath.child("selector"), GoValues.labelSelector(spec.path("selector")),
                    "`selector` will be auto-generated");
        }
        if (Nodes.bool(spec, "manualSelector")) {
            out.notSupported(specPath.child("manualSelector"), true, List.of("nil", "false"));
        }
    }
}
