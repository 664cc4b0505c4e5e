package io.wharf.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.GroupVersionKind;
import io.wharf.api.schema.SchemaRegistry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every served kind has a message whose fields and the registry's properties match one to one. */
class DescriptorCoverageTest {

    private static String apiVersion(GroupVersionKind gvk) {
        return gvk.group().isEmpty() ? gvk.version() : gvk.group() + "/" + gvk.version();
    }

    @Test
    void everyServedKindHasAMessage() {
        List<String> missing = new ArrayList<>();
        for (GroupVersionKind gvk : SchemaRegistry.builtin().kinds()) {
            if (KubernetesDescriptors.get().forKind(apiVersion(gvk), gvk.kind()) == null) {
                missing.add(gvk.toString());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void messagesAndDefinitionsAgreeOnEveryField() {
        Set<String> seen = new HashSet<>();
        Deque<Descriptor> pending = new ArrayDeque<>();
        for (GroupVersionKind gvk : SchemaRegistry.builtin().kinds()) {
            pending.add(KubernetesDescriptors.get().forKind(apiVersion(gvk), gvk.kind()));
        }
        List<String> problems = new ArrayList<>();
        while (!pending.isEmpty()) {
            Descriptor message = pending.removeFirst();
            if (!seen.add(message.getFullName()) || WellKnownMessages.handles(message)) {
                continue;
            }
            Definition definition = MessageLayout.definitionOf(message);
            if (definition == null) {
                problems.add(message.getFullName() + ": no definition");
                continue;
            }
            Set<String> covered = new HashSet<>(Set.of("apiVersion", "kind"));
            collect(message, covered, problems, pending);
            for (String property : definition.properties().keySet()) {
                if (!covered.contains(property)) {
                    problems.add(message.getFullName() + ": no field for property " + property);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void collect(Descriptor message, Set<String> covered, List<String> problems, Deque<Descriptor> pending) {
        collect(message.getFullName(), MessageLayout.of(message), covered, problems, pending);
    }

    private static void collect(String message, MessageLayout layout, Set<String> covered, List<String> problems,
                                Deque<Descriptor> pending) {
        for (MessageLayout.Slot slot : layout.slots()) {
            FieldDescriptor f = slot.field();
            if (slot.inline()) {
                collect(message, slot.embedded(), covered, problems, pending);
                continue;
            }
            if (!slot.declared()) {
                problems.add(message + ": field " + f.getName() + " is not in the definition");
            }
            covered.add(slot.jsonName());
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                FieldDescriptor carrier = f.isMapField() ? f.getMessageType().findFieldByNumber(2) : f;
                if (carrier.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    pending.add(carrier.getMessageType());
                }
            }
        }
    }
}
