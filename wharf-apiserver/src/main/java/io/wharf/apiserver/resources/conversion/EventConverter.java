package io.wharf.apiserver.resources.conversion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.api.json.Json;
import io.wharf.apiserver.resources.VersionConverter;
import java.util.List;

/**
 * events.k8s.io/v1 Event, served from the core/v1 events it shares storage with: the same facts
 * under the newer field names (regarding, note, reportingController, deprecated*).
 */
public final class EventConverter implements VersionConverter {
    /** (events.k8s.io name, core name) pairs for the fields that are renamed. */
    private static final List<String[]> RENAMED = List.of(
            new String[]{"regarding", "involvedObject"},
            new String[]{"note", "message"},
            new String[]{"reportingController", "reportingComponent"},
            new String[]{"deprecatedSource", "source"},
            new String[]{"deprecatedFirstTimestamp", "firstTimestamp"},
            new String[]{"deprecatedLastTimestamp", "lastTimestamp"},
            new String[]{"deprecatedCount", "count"});

    @Override
    public ObjectNode toStorage(ObjectNode served) {
        rename(served, 0, 1);
        served.put("apiVersion", "v1");
        return served;
    }

    @Override
    public ObjectNode fromStorage(ObjectNode stored) {
        rename(stored, 1, 0);
        stored.put("apiVersion", "events.k8s.io/v1");
        return stored;
    }

    private static void rename(ObjectNode o, int from, int to) {
        for (String[] pair : RENAMED) {
            JsonNode v = o.remove(pair[from]);
            if (v != null) {
                o.set(pair[to], v);
            }
        }
        // keep the declared field order readable: apiVersion, kind, metadata first
        ObjectNode copy = Json.object();
        for (String f : List.of("apiVersion", "kind", "metadata")) {
            if (o.has(f)) {
                copy.set(f, o.get(f));
            }
        }
        o.fields().forEachRemaining(e -> {
            if (!copy.has(e.getKey())) {
                copy.set(e.getKey(), e.getValue());
            }
        });
        o.removeAll();
        o.setAll(copy);
    }
}
