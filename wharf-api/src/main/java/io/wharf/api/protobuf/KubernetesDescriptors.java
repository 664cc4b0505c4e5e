package io.wharf.api.protobuf;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.IntStr;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Resource;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admission;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The protobuf message types of the Kubernetes v1.32 API: client-java-proto's compiled
 * descriptors of the GA group versions, rebuilt with {@link DescriptorAdditions} so they carry
 * what v1.32 sends, and indexed by full name and by group version kind.
 */
final class KubernetesDescriptors {
    static final String META_V1 = "k8s.io.apimachinery.pkg.apis.meta.v1";
    /** meta/v1 kinds upstream registers in every group version, and its unversioned ones. */
    private static final Set<String> SHARED_META_KINDS = Set.of("ListOptions", "GetOptions", "DeleteOptions",
            "CreateOptions", "UpdateOptions", "PatchOptions", "WatchEvent", "Status", "APIVersions", "APIGroupList",
            "APIGroup", "APIResourceList");

    private static final class Holder {
        static final KubernetesDescriptors INSTANCE = new KubernetesDescriptors();
    }

    private final Map<String, Descriptor> byName = new HashMap<>();
    /** "<group's first label>/<version>" (core for the legacy group) → kind → message. */
    private final Map<String, Map<String, Descriptor>> byGroupVersion = new HashMap<>();

    private KubernetesDescriptors() {
        // The alpha and beta files of client-java-proto hold versions v1.32 no longer serves.
        List<FileDescriptor> shipped = List.of(IntStr.getDescriptor(), Meta.getDescriptor(), Resource.getDescriptor(),
                Runtime.getDescriptor(), V1.getDescriptor(), V1Admission.getDescriptor(),
                V1Admissionregistration.getDescriptor(), V1Apps.getDescriptor(), V1Authentication.getDescriptor(),
                V1Authorization.getDescriptor(), V1Autoscaling.getDescriptor(), V1Batch.getDescriptor(),
                V1Certificates.getDescriptor(), V1Networking.getDescriptor(), V1Policy.getDescriptor(),
                V1Rbac.getDescriptor(), V1Scheduling.getDescriptor(), V1Storage.getDescriptor());
        Map<String, FileDescriptorProto.Builder> byPackage = new LinkedHashMap<>();
        for (FileDescriptor file : withDependencies(shipped)) {
            byPackage.put(file.getPackage(), file.toProto().toBuilder());
        }
        DescriptorAdditions.applyBundled(byPackage);
        Map<String, FileDescriptorProto> byFileName = new HashMap<>();
        for (FileDescriptorProto.Builder b : byPackage.values()) {
            byFileName.put(b.getName(), b.build());
        }
        Map<String, FileDescriptor> built = new HashMap<>();
        for (String fileName : byFileName.keySet()) {
            index(build(fileName, byFileName, built));
        }
    }

    static KubernetesDescriptors get() {
        return Holder.INSTANCE;
    }

    private static Collection<FileDescriptor> withDependencies(List<FileDescriptor> roots) {
        Map<String, FileDescriptor> all = new LinkedHashMap<>();
        Deque<FileDescriptor> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            FileDescriptor f = pending.removeFirst();
            if (all.putIfAbsent(f.getName(), f) == null) {
                pending.addAll(f.getDependencies());
            }
        }
        return all.values();
    }

    private static FileDescriptor build(String fileName, Map<String, FileDescriptorProto> protos,
                                        Map<String, FileDescriptor> built) {
        FileDescriptor done = built.get(fileName);
        if (done != null) {
            return done;
        }
        FileDescriptorProto proto = protos.get(fileName);
        if (proto == null) {
            throw new IllegalStateException("missing proto file " + fileName);
        }
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(build(dependency, protos, built));
        }
        try {
            FileDescriptor file = FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
            built.put(fileName, file);
            return file;
        } catch (DescriptorValidationException e) {
            throw new IllegalStateException("invalid proto file " + fileName + ": " + e.getMessage(), e);
        }
    }

    private void index(FileDescriptor file) {
        String[] segments = file.getPackage().split("\\.");
        String groupVersion = segments[segments.length - 2] + "/" + segments[segments.length - 1];
        Map<String, Descriptor> kinds = byGroupVersion.computeIfAbsent(groupVersion, k -> new HashMap<>());
        for (Descriptor message : file.getMessageTypes()) {
            byName.put(message.getFullName(), message);
            if (isKind(message)) {
                kinds.put(message.getName(), message);
            }
        }
    }

    /** Objects and lists, unlike the types they are made of, carry ObjectMeta or ListMeta as metadata. */
    private static boolean isKind(Descriptor message) {
        FieldDescriptor metadata = message.findFieldByName("metadata");
        if (metadata == null || metadata.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
            return false;
        }
        String type = metadata.getMessageType().getFullName();
        return type.equals(META_V1 + ".ObjectMeta") || type.equals(META_V1 + ".ListMeta");
    }

    /** The message type of this full name (e.g. {@code k8s.io.api.core.v1.Pod}), or null. */
    Descriptor message(String fullName) {
        return byName.get(fullName);
    }

    /**
     * The message type of a kind in an API version, or null. Options kinds (DeleteOptions, ...)
     * and Status are meta/v1 messages whatever group version they are sent as.
     */
    Descriptor forKind(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        String label = group.isEmpty() ? "core" : group.split("\\.", 2)[0];
        Descriptor own = byGroupVersion.getOrDefault(label + "/" + version, Map.of()).get(kind);
        if (own != null || !SHARED_META_KINDS.contains(kind)) {
            return own;
        }
        return byName.get(META_V1 + "." + kind);
    }
}
