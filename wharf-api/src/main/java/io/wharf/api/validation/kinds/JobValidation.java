package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.labels.LabelSelector;
import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.NameValidation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * batch/v1 Job (upstream v1.32). Expects the server to have generated the selector and the
 * template labels unless {@code manualSelector} is true ({@link JobSelectors#generate}), as
 * upstream's strategy does before validating. On update, the template may change only in its
 * scheduling directives and only while the job is suspended and has never started.
 */
final class JobValidation implements KindValidator {
    private static final FieldPath SPEC = FieldPath.of("spec");

    /** What upstream's JobValidationOptions decide for one request. */
    private record Options(boolean requirePrefixedLabels, boolean allowInvalidSelectorValues,
                           boolean allowMutableSchedulingDirectives) {
    }

    @Override
    public List<FieldProblem> validate(ObjectNode job) {
        return job(job, new Options(true, false, false));
    }

    @Override
    public List<FieldProblem> validateUpdate(ObjectNode job, ObjectNode old) {
        Map<String, String> oldLabels = WorkloadTemplates.labels(Nodes.at(old, "spec", "template"));
        // Jobs created before the prefixed labels existed keep validating without them.
        boolean hadPrefixedLabels = oldLabels != null && oldLabels.containsKey(JobSelectors.JOB_NAME)
                && oldLabels.containsKey(JobSelectors.CONTROLLER_UID);
        boolean neverStarted = Nodes.bool(old, "spec", "suspend") && !Nodes.isSet(Nodes.at(old, "status", "startTime"));
        Options options = new Options(hadPrefixedLabels,
                SelectorChecks.hasInvalidLabelValue(Nodes.at(old, "spec", "selector")), neverStarted);
        Problems out = new Problems();
        out.addAll(job(job, options));
        out.addAll(specUpdate(job.path("spec"), old.path("spec"), options));
        return out.list();
    }

    private static List<FieldProblem> job(ObjectNode job, Options options) {
        Problems out = new Problems();
        generatedSelector(out, job, options.requirePrefixedLabels());
        out.addAll(spec(job.path("spec"), options));
        JsonNode spec = job.path("spec");
        Long completions = Nodes.optionalLong(spec, "completions");
        if (JobSpecValidation.isIndexed(spec) && completions != null && completions > 0) {
            // Indexed pods are named <job>-<index>, which must still be a DNS label.
            String name = Nodes.text(job, "metadata", "name");
            String longestHostname = name + "-" + (completions - 1);
            if (!NameValidation.isDNS1123Label(longestHostname).isEmpty()) {
                out.invalid(FieldPath.of("metadata", "name"), name,
                        "will not able to create pod with invalid DNS label: " + longestHostname);
            }
        }
        return out.list();
    }

    /** Upstream's {@code ValidateJobSpec}: the shared spec rules plus the selector. */
    private static List<FieldProblem> spec(JsonNode spec, Options options) {
        Problems out = new Problems();
        out.addAll(JobSpecValidation.validate(spec, SPEC));
        JsonNode selector = spec.path("selector");
        if (!Nodes.isSet(selector)) {
            out.required(SPEC.child("selector"), "");
        } else {
            out.addAll(SelectorChecks.validate(selector, SPEC.child("selector"), options.allowInvalidSelectorValues()));
        }
        Optional<LabelSelector> converted = SelectorChecks.convert(selector);
        converted.ifPresent(s -> WorkloadTemplates.selectorMatches(out, s, spec.path("template"), SPEC.child("template")));
        return out.list();
    }

    /** Without a manual selector, the selector and template labels must be the generated ones. */
    private static void generatedSelector(Problems out, ObjectNode job, boolean requirePrefixedLabels) {
        JsonNode spec = job.path("spec");
        if (Nodes.bool(spec, "manualSelector") || !Nodes.isSet(spec.path("selector"))) {
            return;
        }
        String uid = Nodes.text(job, "metadata", "uid");
        String name = Nodes.text(job, "metadata", "name");
        if (uid.isEmpty()) {
            out.required(FieldPath.of("metadata", "uid"), "");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(JobSelectors.LEGACY_CONTROLLER_UID, uid);
        expected.put(JobSelectors.LEGACY_JOB_NAME, name);
        if (requirePrefixedLabels) {
            expected.put(JobSelectors.CONTROLLER_UID, uid);
            expected.put(JobSelectors.JOB_NAME, name);
        }
        Map<String, String> labels = WorkloadTemplates.labels(spec.path("template"));
        FieldPath labelsPath = SPEC.child("template", "metadata", "labels");
        expected.forEach((key, value) -> {
            String actual = labels == null ? null : labels.get(key);
            if (actual == null) {
                out.required(labelsPath.key(key), value);
            } else if (!actual.equals(value)) {
                out.invalid(labelsPath.key(key), GoValues.stringMap(labels), "must be '" + value + "'");
            }
        });
        Optional<LabelSelector> converted = SelectorChecks.convert(spec.path("selector"));
        if (converted.isPresent() && !converted.get().matches(expected)) {
            out.invalid(SPEC.child("selector"), GoValues.labelSelector(spec.path("selector")),
                    "`selector` not auto-generated");
        }
    }

    /** Upstream's {@code ValidateJobSpecUpdate}: what may not change once the job exists. */
    private static List<FieldProblem> specUpdate(JsonNode spec, JsonNode old, Options options) {
        Problems out = new Problems();
        out.addAll(spec(spec, options));
        completions(out, spec, old);
        JsonNode selector = spec.path("selector");
        FieldChecks.immutable(out, selector, old.path("selector"), GoValues.labelSelector(selector), SPEC.child("selector"));
        template(out, spec.path("template"), old.path("template"), options.allowMutableSchedulingDirectives());
        immutablePointer(out, spec, old, "completionMode");
        for (String field : List.of("podFailurePolicy", "backoffLimitPerIndex", "managedBy", "successPolicy")) {
            immutablePointer(out, spec, old, field);
        }
        return out.list();
    }

    /** Indexed jobs may scale completions together with parallelism (ElasticIndexedJob, GA); others may not. */
    private static void completions(Problems out, JsonNode spec, JsonNode old) {
        FieldPath path = SPEC.child("completions");
        if (!JobSpecValidation.isIndexed(spec)) {
            immutablePointer(out, spec, old, "completions");
            return;
        }
        Long completions = Nodes.optionalLong(spec, "completions");
        if (Semantic.equal(spec.path("completions"), old.path("completions")) || completions == null) {
            return;
        }
        if (!completions.equals(Nodes.optionalLong(spec, "parallelism"))) {
            out.invalid(path, completions, "can only be modified in tandem with spec.parallelism");
        }
    }

    private static void template(Problems out, JsonNode template, JsonNode oldTemplate, boolean allowScheduling) {
        JsonNode compared = oldTemplate;
        if (allowScheduling && oldTemplate.isObject() && template.isObject()) {
            compared = JobSchedulingDirectives.adoptMutable((ObjectNode) oldTemplate, (ObjectNode) template);
        }
        FieldChecks.immutable(out, template, compared, GoValues.text("core.PodTemplateSpec" + template), SPEC.child("template"));
    }

    /** {@code ValidateImmutableField} on a pointer field: a scalar prints as itself, nil as "null". */
    private static void immutablePointer(Problems out, JsonNode spec, JsonNode old, String field) {
        JsonNode now = spec.path(field);
        Object shown;
        if (!Nodes.isSet(now)) {
            shown = "null";
        } else if (now.isNumber()) {
            shown = now.asLong();
        } else if (now.isTextual()) {
            shown = now.asText();
        } else {
            shown = GoValues.text(now.toString());
        }
        FieldChecks.immutable(out, now, old.path(field), shown, SPEC.child(field));
    }
}
