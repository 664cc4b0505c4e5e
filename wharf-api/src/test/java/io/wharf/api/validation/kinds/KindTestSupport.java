package io.wharf.api.validation.kinds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.defaults.Defaulter;
import io.wharf.api.json.Json;
import io.wharf.api.validation.FieldProblem;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Objects of one kind written as YAML, defaulted as the server would, validated through the
 * registry. Problems come back as "cause-type path: message", e.g.
 * {@code FieldValueRequired spec.selector: Required value}, so a test pins type, path and text.
 */
final class KindTestSupport {
    private final String group;
    private final String version;
    private final String kind;

    KindTestSupport(String group, String version, String kind) {
        this.group = group;
        this.version = version;
        this.kind = kind;
    }

    static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) Json.YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The object as the server validates it: parsed and defaulted. */
    ObjectNode object(String text) {
        ObjectNode object = yaml(text);
        Defaulter.apply(group, version, kind, object);
        return object;
    }

    KindValidator validator() {
        return KindValidators.forKind(group, version, kind).orElseThrow();
    }

    List<String> create(ObjectNode object) {
        return render(validator().validate(object));
    }

    List<String> create(String text) {
        return create(object(text));
    }

    List<String> update(ObjectNode object, ObjectNode old) {
        return render(validator().validateUpdate(object, old));
    }

    /** An update of a copy of {@code old} changed by {@code change}, defaulted as the server defaults what it is sent. */
    List<String> update(ObjectNode old, Consumer<ObjectNode> change) {
        return update(changed(old, change), old);
    }

    List<String> statusUpdate(ObjectNode old, Consumer<ObjectNode> change) {
        return render(validator().validateStatusUpdate(changed(old, change), old));
    }

    private ObjectNode changed(ObjectNode old, Consumer<ObjectNode> change) {
        ObjectNode now = old.deepCopy();
        change.accept(now);
        Defaulter.apply(group, version, kind, now);
        return now;
    }

    static List<String> render(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.type().causeType() + " " + p.message()).toList();
    }

    /** The node at a JSON pointer, as an object to change in place. */
    static ObjectNode at(ObjectNode root, String pointer) {
        return (ObjectNode) root.at(pointer);
    }
}
