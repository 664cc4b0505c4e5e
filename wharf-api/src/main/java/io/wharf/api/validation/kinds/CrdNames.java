package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.validation.NameValidation;
import java.util.List;
import java.util.Locale;

/** Upstream's {@code ValidateCustomResourceDefinitionNames}, for spec.names and status.acceptedNames. */
final class CrdNames {
    private CrdNames() {
    }

    static void validate(Problems out, JsonNode names, FieldPath path) {
        label(out, Nodes.text(names, "plural"), path.child("plural"));
        label(out, Nodes.text(names, "singular"), path.child("singular"));
        String kind = Nodes.text(names, "kind");
        String listKind = Nodes.text(names, "listKind");
        mixedCase(out, kind, path.child("kind"));
        mixedCase(out, listKind, path.child("listKind"));
        List<String> shortNames = Nodes.strings(names, "shortNames");
        for (int i = 0; i < shortNames.size(); i++) {
            dns1035(out, shortNames.get(i), path.child("shortNames").index(i));
        }
        // Equal kind and listKind would make list and item responses indistinguishable.
        if (!kind.isEmpty() && kind.equals(listKind)) {
            out.invalid(path.child("listKind"), listKind, "kind and listKind may not be the same");
        }
        List<String> categories = Nodes.strings(names, "categories");
        for (int i = 0; i < categories.size(); i++) {
            dns1035(out, categories.get(i), path.child("categories").index(i));
        }
    }

    private static void label(Problems out, String value, FieldPath path) {
        if (!value.isEmpty()) {
            dns1035(out, value, path);
        }
    }

    private static void mixedCase(Problems out, String value, FieldPath path) {
        List<String> errors = NameValidation.isDNS1035Label(value.toLowerCase(Locale.ROOT));
        if (!value.isEmpty() && !errors.isEmpty()) {
            out.invalid(path, value, "may have mixed case, but should otherwise match: " + String.join(",", errors));
        }
    }

    /** A DNS-1035 label, upstream joining all messages into one problem. */
    static void dns1035(Problems out, String value, FieldPath path) {
        List<String> errors = NameValidation.isDNS1035Label(value);
        if (!errors.isEmpty()) {
            out.invalid(path, value, String.join(",", errors));
        }
    }
}
