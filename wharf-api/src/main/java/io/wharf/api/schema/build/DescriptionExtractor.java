package io.wharf.api.schema.build;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.annotations.SerializedName;
import io.swagger.annotations.ApiModel;
import io.swagger.annotations.ApiModelProperty;
import io.wharf.api.json.Json;
import io.wharf.api.schema.Definition;
import io.wharf.api.schema.GroupVersionKind;
import io.wharf.api.schema.SchemaRegistry;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Build step (Maven {@code process-classes}): writes the descriptions of every definition the
 * schema registry serves into the build output, read from the {@code @ApiModel} and
 * {@code @ApiModelProperty} annotations of the official Java client's model classes, which carry
 * upstream's API documentation. Nothing of it is kept in the sources, and the client is a
 * build-only dependency; the registry reads the file lazily and does without it when absent.
 *
 * <p>The file is a JSON object keyed by definition name; each value holds the definition's
 * {@code description} and its {@code properties}' descriptions by JSON name.
 */
public final class DescriptionExtractor {

    private DescriptionExtractor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DescriptionExtractor <output file>");
        }
        Map<String, ObjectNode> byName = new TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Definition d : servedDefinitions()) {
            Class<?> model = modelClass(d);
            if (model == null) {
                if (!d.properties().isEmpty()) {
                    unmatched.add(d.name());
                }
                continue;
            }
            ObjectNode entry = describe(d, model);
            if (!entry.isEmpty()) {
                byName.put(d.name(), entry);
            }
        }
        ObjectNode out = Json.object();
        byName.forEach(out::set);
        Path file = Path.of(args[0]);
        Files.createDirectories(file.getParent());
        Files.write(file, Json.bytes(out));
        System.out.println("[descriptions] " + byName.size() + " definitions described in " + file
                + (unmatched.isEmpty() ? "" : "; no client model for " + unmatched));
    }

    /** Every definition reachable from the registry's kinds, plus the patch body the documents publish. */
    private static List<Definition> servedDefinitions() {
        SchemaRegistry registry = SchemaRegistry.builtin();
        List<Definition> roots = new ArrayList<>();
        for (GroupVersionKind gvk : registry.kinds()) {
            registry.definitionFor(gvk).ifPresent(roots::add);
        }
        registry.definition("io.k8s.apimachinery.pkg.apis.meta.v1.Patch").ifPresent(roots::add);
        return List.copyOf(registry.allDefinitionsReachableFrom(roots).values());
    }

    /** The client model class of a definition: the first candidate that exists and shares its properties. */
    private static Class<?> modelClass(Definition d) {
        for (String candidate : ClientModelNames.candidates(d.name())) {
            Class<?> type;
            try {
                type = Class.forName(candidate, false, DescriptionExtractor.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            if (sharesProperties(d, serializedNames(type).values())) {
                return type;
            }
        }
        return null;
    }

    /** At least half of the definition's properties must be in the model: a guard against name clashes. */
    private static boolean sharesProperties(Definition d, Collection<String> modelNames) {
        if (d.properties().isEmpty()) {
            return true;
        }
        long shared = d.properties().keySet().stream().filter(modelNames::contains).count();
        return shared * 2 >= d.properties().size();
    }

    private static ObjectNode describe(Definition d, Class<?> model) {
        ObjectNode entry = Json.object();
        ApiModel about = model.getAnnotation(ApiModel.class);
        if (about != null && !about.description().isBlank()) {
            entry.put("description", about.description());
        }
        Map<String, String> documented = propertyDescriptions(model);
        ObjectNode properties = Json.object();
        for (String json : d.properties().keySet()) {
            String text = documented.get(json);
            if (text != null) {
                properties.put(json, text);
            }
        }
        if (!properties.isEmpty()) {
            entry.set("properties", properties);
        }
        return entry;
    }

    /**
     * Property descriptions by JSON name. The annotation sits on the getter, the JSON name on the
     * field; getter and field names agree once case and the escapes of reserved words
     * ({@code _default}, {@code $ref}) are set aside.
     */
    private static Map<String, String> propertyDescriptions(Class<?> model) {
        Map<String, String> jsonByKey = serializedNames(model);
        Map<String, String> out = new HashMap<>();
        for (Method m : model.getDeclaredMethods()) {
            ApiModelProperty doc = m.getAnnotation(ApiModelProperty.class);
            if (doc == null || doc.value().isBlank() || m.getParameterCount() != 0) {
                continue;
            }
            String accessor = m.getName().startsWith("is") ? m.getName().substring(2)
                    : m.getName().startsWith("get") ? m.getName().substring(3) : m.getName();
            String json = jsonByKey.get(matchKey(accessor));
            if (json != null) {
                out.put(json, doc.value());
            }
        }
        return out;
    }

    /** JSON names of a model's fields, keyed by {@link #matchKey}. */
    private static Map<String, String> serializedNames(Class<?> model) {
        Map<String, String> out = new HashMap<>();
        for (Field f : model.getDeclaredFields()) {
            SerializedName name = f.getAnnotation(SerializedName.class);
            if (name != null) {
                out.put(matchKey(f.getName()), name.value());
            }
        }
        return out;
    }

    private static String matchKey(String javaName) {
        return javaName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
