package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** admissionregistration.k8s.io kinds: webhook configurations and validating admission policies. */
final class AdmissionPrinters {
    private AdmissionPrinters() {
    }

    /** Mutating and validating webhook configurations share their layout. */
    static final RowPrinter WEBHOOK_CONFIGURATION = SimpleRowPrinter.of(
            (o, now) -> List.of(Fields.name(o), (long) Fields.size(o, "webhooks"), Cells.age(o, now)),
            Columns.name(),
            Columns.integer("Webhooks", "Number of webhooks in the configuration."),
            Columns.age());

    static final RowPrinter VALIDATING_ADMISSION_POLICY = SimpleRowPrinter.of((o, now) -> {
        JsonNode paramKind = Fields.at(o, "spec", "paramKind");
        String param = paramKind.isMissingNode()
                ? Cells.UNSET
                : Fields.str(paramKind, "apiVersion") + "/" + Fields.str(paramKind, "kind");
        return List.of(Fields.name(o), (long) Fields.size(o, "spec", "validations"), param, Cells.age(o, now));
    },
            Columns.name(),
            Columns.integer("Validations", "Number of validation rules of the policy."),
            Columns.string("ParamKind", "Kind of the resources that parameterize the policy."),
            Columns.age());

    static final RowPrinter VALIDATING_ADMISSION_POLICY_BINDING = SimpleRowPrinter.of((o, now) -> {
        JsonNode ref = Fields.at(o, "spec", "paramRef");
        String param = Cells.UNSET;
        if (!ref.isMissingNode()) {
            String name = Fields.str(ref, "name");
            if (!name.isEmpty()) {
                // without a namespace the parameter may live in any namespace
                String ns = Fields.str(ref, "namespace");
                param = (ns.isEmpty() ? "*" : ns) + "/" + name;
            } else if (Fields.has(ref, "selector")) {
                try {
                    param = Selectors.selector(Fields.at(ref, "selector"));
                } catch (IllegalArgumentException e) {
                    param = "<error>";
                }
            }
        }
        return List.of(Fields.name(o), Fields.str(o, "spec", "policyName"), param, Cells.age(o, now));
    },
            Columns.name(),
            Columns.string("PolicyName", "Policy the binding applies."),
            Columns.string("ParamRef", "Parameter resource used by the binding."),
            Columns.age());
}
