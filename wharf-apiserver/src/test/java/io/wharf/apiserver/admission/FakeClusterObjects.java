package io.wharf.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Objects held in memory for plugin tests, keyed like the storages: group/resource, namespace, name. */
final class FakeClusterObjects implements ClusterObjects {
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    int lists;

    FakeClusterObjects put(String group, String resource, ObjectNode obj) {
        String ns = obj.path("metadata").path("namespace").asText("");
        objects.put(key(group, resource, ns, obj.path("metadata").path("name").asText()), obj);
        return this;
    }

    @Override
    public List<ObjectNode> list(String group, String resource, String namespace) {
        lists++;
        String prefix = group + "/" + resource + "/" + namespace + "/";
        List<ObjectNode> out = new ArrayList<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.add(v.deepCopy());
            }
        });
        return out;
    }

    @Override
    public Optional<ObjectNode> get(String group, String resource, String namespace, String name) {
        return Optional.ofNullable(objects.get(key(group, resource, namespace, name))).map(ObjectNode::deepCopy);
    }

    private static String key(String group, String resource, String namespace, String name) {
        return group + "/" + resource + "/" + namespace + "/" + name;
    }
}
