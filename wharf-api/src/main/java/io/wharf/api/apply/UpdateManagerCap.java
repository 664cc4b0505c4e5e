package io.wharf.api.apply;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps at most ten Update entries, as upstream does: past that, the oldest are folded into one
 * {@code ancient-changes} entry per API version, so objects written by many controllers do not
 * grow without bound. Apply entries are never folded.
 */
final class UpdateManagerCap {
    static final int MAX_UPDATE_MANAGERS = 10;
    static final String BUCKET_MANAGER = "ancient-changes";

    private UpdateManagerCap() {
    }

    static void cap(Map<ManagerKey, ManagedEntry> managed) {
        List<ManagerKey> updaters = new ArrayList<>();
        for (ManagerKey k : managed.keySet()) {
            if (!k.applies()) {
                updaters.add(k);
            }
        }
        if (updaters.size() <= MAX_UPDATE_MANAGERS) {
            return;
        }
        updaters.sort(Comparator.comparingLong((ManagerKey k) -> ManagedFieldsCodec.epochSeconds(managed.get(k).time()))
                .thenComparing(ManagerKey::identifier));
        Map<String, ManagerKey> firstOfVersion = new HashMap<>();
        int length = updaters.size();
        for (int i = 0; i < updaters.size() && length > MAX_UPDATE_MANAGERS; i++) {
            ManagerKey key = updaters.get(i);
            ManagedEntry entry = managed.get(key);
            String version = entry.apiVersion();
            ManagerKey bucket = ManagerKey.update(BUCKET_MANAGER, version, "");
            ManagerKey first = firstOfVersion.get(version);
            if (first == null) {
                firstOfVersion.put(version, key);
                continue;
            }
            if (!managed.containsKey(bucket)) {
                managed.put(bucket, managed.remove(first));
            }
            ManagedEntry inBucket = managed.get(bucket);
            managed.put(bucket, new ManagedEntry(entry.fields().union(inBucket.fields()), version, entry.time()));
            managed.remove(key);
            length--;
        }
    }
}
