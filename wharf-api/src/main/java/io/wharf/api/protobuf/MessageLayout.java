package io.wharf.api.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.Property;
import io.wharf.api.schema.Schema;
import io.wharf.api.schema.SchemaRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each field of a protobuf message lies in the message's JSON object, found by matching
 * the message against the schema registry's definition of the same upstream type.
 *
 * <p>Most proto fields carry their JSON name. A few differ only in spelling ({@code $ref} is
 * {@code ref}, {@code x-kubernetes-list-type} is {@code xKubernetesListType}, {@code apiGroup} is
 * {@code aPIGroup}), so names also match once case and punctuation are ignored. Go structs embedded
 * with {@code json:",inline"} are nested messages in protobuf ({@code Volume.volumeSource},
 * {@code Probe.handler}, ...): such a field is named nowhere in the definition while every field
 * of its message is a property of the definition, and its fields belong to the parent object.
 * Types the registry does not describe (authentication's TokenRequest, ...) keep proto names,
 * with leading acronyms spelled as Kubernetes' JSON spells them.
 */
final class MessageLayout {

    /**
     * One proto field. {@code schema} is the registry's schema of the JSON property, null when the
     * registry does not know the field. An inline field has the {@code embedded} layout of its
     * message against the parent's definition, as its fields belong to the parent object.
     */
    record Slot(FieldDescriptor field, String jsonName, Schema schema, MessageLayout embedded) {
        boolean inline() {
            return embedded != null;
        }

        boolean declared() {
            return schema != null || embedded != null;
        }
    }

    private static final Map<String, MessageLayout> CACHE = new ConcurrentHashMap<>();

    private final List<Slot> slots;

    private MessageLayout(List<Slot> slots) {
        this.slots = List.copyOf(slots);
    }

    /** The layout of a message against the definition of its own upstream type. */
    static MessageLayout of(Descriptor message) {
        return of(message, definitionOf(message), new HashSet<>());
    }

    /** {@code visiting} holds the layouts being computed, so recursive messages end. */
    private static MessageLayout of(Descriptor message, Definition definition, Set<String> visiting) {
        String key = message.getFullName() + "@" + (definition == null ? "" : definition.name());
        MessageLayout cached = CACHE.get(key);
        if (cached == null) {
            if (!visiting.add(key)) {
                return null;
            }
            cached = compute(message, definition, visiting);
            visiting.remove(key);
            CACHE.putIfAbsent(key, cached);
        }
        return cached;
    }

    /**
     * The registry definition of a message's upstream type. OpenAPI names start with the reversed
     * domain ({@code io.k8s.api.core.v1.Pod} for {@code k8s.io.api.core.v1.Pod}) and keep the Go
     * module's dash ({@code apiextensions-apiserver}) where protobuf packages need an underscore.
     */
    static Definition definitionOf(Descriptor message) {
        String proto = message.getFullName();
        if (!proto.startsWith("k8s.io.")) {
            return null;
        }
        String name = "io.k8s." + proto.substring("k8s.io.".length()).replace('_', '-');
        return SchemaRegistry.builtin().definition(name)
                .filter(d -> d.kind() == Definition.Kind.OBJECT)
                .orElse(null);
    }

    private static MessageLayout compute(Descriptor message, Definition definition, Set<String> visiting) {
        List<Slot> slots = new ArrayList<>();
        for (FieldDescriptor field : message.getFields()) {
            slots.add(slot(field, definition, visiting));
        }
        return new MessageLayout(slots);
    }

    private static Slot slot(FieldDescriptor field, Definition definition, Set<String> visiting) {
        if (definition == null) {
            return new Slot(field, goJsonName(field.getName()), null, null);
        }
        Property exact = definition.property(field.getName());
        if (exact != null) {
            return new Slot(field, exact.name(), exact.schema(), null);
        }
        String wanted = normalized(field.getName());
        for (Property p : definition.properties().values()) {
            if (normalized(p.name()).equals(wanted)) {
                return new Slot(field, p.name(), p.schema(), null);
            }
        }
        return new Slot(field, field.getName(), null, inlineLayout(field, definition, visiting));
    }

    /** The layout of an inline field's message against the parent's definition, or null when not inline. */
    private static MessageLayout inlineLayout(FieldDescriptor field, Definition definition, Set<String> visiting) {
        if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()
                || WellKnownMessages.handles(field.getMessageType())) {
            return null;
        }
        MessageLayout embedded = of(field.getMessageType(), definition, visiting);
        boolean inline = embedded != null && !embedded.slots.isEmpty() && embedded.slots.stream().allMatch(Slot::declared);
        return inline ? embedded : null;
    }

    /**
     * The JSON name of a field of a type the registry does not describe. go-to-protobuf lower-cases
     * only the first letter of a Go name ({@code UID} → {@code uID}, {@code APIGroup} →
     * {@code aPIGroup}) where Kubernetes' JSON tags lower-case the whole leading acronym.
     */
    static String goJsonName(String protoName) {
        if (protoName.length() < 2 || !Character.isLowerCase(protoName.charAt(0))
                || !Character.isUpperCase(protoName.charAt(1))) {
            return protoName;
        }
        int end = 1;
        while (end < protoName.length() && Character.isUpperCase(protoName.charAt(end))) {
            end++;
        }
        // In "aPIGroup" the last capital of the run starts the next word.
        int acronymEnd = end == protoName.length() ? end : end - 1;
        return protoName.substring(0, acronymEnd).toLowerCase(Locale.ROOT) + protoName.substring(acronymEnd);
    }

    private static String normalized(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    List<Slot> slots() {
        return slots;
    }
}
