package io.wharf.kubelet.config;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads static pods from a directory of manifests (YAML or JSON, one pod or a list per file), as
 * upstream's file source does: each pod is named {@code <name>-<nodeName>}, lands in the
 * {@code default} namespace unless it names one, is bound to this node, and gets a UID and a
 * config hash derived from its content plus the annotations that mark where it came from.
 */
public final class StaticPods {
    private static final Logger LOG = LoggerFactory.getLogger(StaticPods.class);
    public static final String SOURCE = "kubernetes.io/config.source";
    public static final String HASH = "kubernetes.io/config.hash";
    public static final String MIRROR = "kubernetes.io/config.mirror";
    public static final String SEEN = "kubernetes.io/config.seen";

    private final Path dir;
    private final String nodeName;
    private final KubernetesSerialization serialization;

    public StaticPods(Path dir, String nodeName, KubernetesSerialization serialization) {
        this.dir = dir;
        this.nodeName = nodeName;
        this.serialization = serialization;
    }

    /** The static pods the directory holds now, by UID; unreadable files are logged and skipped. */
    public Map<String, Pod> read() {
        Map<String, Pod> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> !p.getFileName().toString().startsWith(".")).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            LOG.warn("cannot list static pod manifests in {}: {}", dir, e.toString());
            return out;
        }
        for (Path f : files) {
            try {
                for (Pod p : parse(Files.readString(f))) {
                    Pod pod = prepare(p, f);
                    out.put(pod.getMetadata().getUid(), pod);
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("skipping static pod manifest {}: {}", f, e.getMessage());
            }
        }
        return out;
    }

    private List<Pod> parse(String text) {
        Object parsed = serialization.unmarshal(text);
        List<Pod> pods = new ArrayList<>();
        if (parsed instanceof Pod p) {
            pods.add(p);
        } else if (parsed instanceof KubernetesResourceList<?> list) {
            for (HasMetadata item : list.getItems()) {
                if (item instanceof Pod p) {
                    pods.add(p);
                }
            }
        } else if (parsed instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Pod p) {
                    pods.add(p);
                }
            }
        } else {
            throw new IllegalArgumentException("not a Pod");
        }
        return pods;
    }

    /** Names, binds and marks a manifest's pod; its UID and hash change exactly when its content does. */
    Pod prepare(Pod manifest, Path file) {
        Pod p = serialization.clone(manifest);
        if (p.getMetadata() == null || p.getMetadata().getName() == null || p.getMetadata().getName().isEmpty()) {
            throw new IllegalArgumentException("the pod has no name");
        }
        String hash = hash(serialization.asJson(manifest) + nodeName);
        var m = p.getMetadata();
        m.setName(m.getName() + "-" + nodeName);
        if (m.getNamespace() == null || m.getNamespace().isEmpty()) {
            m.setNamespace("default");
        }
        m.setUid(UUID.nameUUIDFromBytes(hash.getBytes(StandardCharsets.UTF_8)).toString());
        Map<String, String> annotations = new LinkedHashMap<>(m.getAnnotations() == null ? Map.of() : m.getAnnotations());
        annotations.put(SOURCE, "file");
        annotations.put(HASH, hash);
        m.setAnnotations(annotations);
        p.getSpec().setNodeName(nodeName);
        if (p.getSpec().getRestartPolicy() == null) {
            p.getSpec().setRestartPolicy("Always");
        }
        if (p.getSpec().getTerminationGracePeriodSeconds() == null) {
            p.getSpec().setTerminationGracePeriodSeconds(30L);
        }
        return p;
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
