package io.wharf.api.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The additions format: new packages, messages, fields of every shape, and removals. */
class DescriptorAdditionsTest {

    private static Map<String, FileDescriptorProto.Builder> base() {
        Map<String, FileDescriptorProto.Builder> files = new LinkedHashMap<>();
        files.put("a.v1", FileDescriptorProto.newBuilder().setName("a/v1.proto").setPackage("a.v1").setSyntax("proto2")
                .addMessageType(DescriptorProto.newBuilder().setName("Old")
                        .addField(FieldDescriptorProto.newBuilder().setName("gone").setNumber(1)
                                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL)
                                .setType(FieldDescriptorProto.Type.TYPE_STRING))));
        return files;
    }

    @Test
    void addsPackagesMessagesFieldsAndDependencies() throws Exception {
        Map<String, FileDescriptorProto.Builder> files = base();
        DescriptorAdditions.apply(List.of(
                "# comment",
                "package b.v1",
                "message Thing",
                "  message 1 string",
                "  old 2 a.v1.Old",
                "  sizes 3 repeated int64",
                "  labels 4 map<string,string>",
                "  parts 5 map<string,Part>",
                "message Part",
                "  package 1 bool",
                "package a.v1",
                "message Old",
                "  -gone",
                "  kept 2 double"), files);

        FileDescriptor a = FileDescriptor.buildFrom(files.get("a.v1").build(), new FileDescriptor[0]);
        FileDescriptor b = FileDescriptor.buildFrom(files.get("b.v1").build(), new FileDescriptor[] {a});
        Descriptor thing = b.findMessageTypeByName("Thing");
        assertThat(thing.findFieldByName("message").getType()).isEqualTo(FieldDescriptor.Type.STRING);
        assertThat(thing.findFieldByName("old").getMessageType()).isSameAs(a.findMessageTypeByName("Old"));
        assertThat(thing.findFieldByName("sizes").isRepeated()).isTrue();
        assertThat(thing.findFieldByName("labels").isMapField()).isTrue();
        assertThat(thing.findFieldByName("parts").getMessageType().findFieldByNumber(2).getMessageType())
                .isSameAs(b.findMessageTypeByName("Part"));
        assertThat(b.findMessageTypeByName("Part").findFieldByName("package").getType()).isEqualTo(FieldDescriptor.Type.BOOL);
        assertThat(a.findMessageTypeByName("Old").getFields()).extracting(FieldDescriptor::getName).containsExactly("kept");
        assertThat(files.get("b.v1").getDependencyList()).containsExactly("a/v1.proto");
    }

    @Test
    void mistakesNameTheirLine() {
        assertThatThrownBy(() -> DescriptorAdditions.apply(List.of("package a.v1", "message Old", "  again 1 string"), base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3").hasMessageContaining("already has");
        assertThatThrownBy(() -> DescriptorAdditions.apply(List.of("package a.v1", "  loose 1 string"), base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> DescriptorAdditions.apply(List.of("package a.v1", "message Old", "  -missing"), base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no field missing");
        assertThatThrownBy(() -> DescriptorAdditions.apply(List.of("package a.v1", "message Old", "  x 3 z.v1.Nope"), base()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no proto file for package z.v1");
    }

    @Test
    void bundledAdditionsGiveV132Fields() {
        KubernetesDescriptors d = KubernetesDescriptors.get();
        assertThat(d.message("k8s.io.api.core.v1.PodSpec").findFieldByName("resources").getNumber()).isEqualTo(40);
        assertThat(d.message("k8s.io.api.core.v1.PodResourceClaim").findFieldByName("source")).isNull();
        assertThat(d.message("k8s.io.api.core.v1.PodResourceClaim").findFieldByName("resourceClaimName").getNumber())
                .isEqualTo(3);
        assertThat(d.forKind("coordination.k8s.io/v1", "Lease").getFullName()).isEqualTo("k8s.io.api.coordination.v1.Lease");
        assertThat(d.forKind("autoscaling/v2", "HorizontalPodAutoscaler").getFullName())
                .isEqualTo("k8s.io.api.autoscaling.v2.HorizontalPodAutoscaler");
        assertThat(d.forKind("autoscaling/v1", "HorizontalPodAutoscaler").getFullName())
                .isEqualTo("k8s.io.api.autoscaling.v1.HorizontalPodAutoscaler");
        assertThat(d.forKind("apiextensions.k8s.io/v1", "CustomResourceDefinition").getFullName())
                .isEqualTo("k8s.io.apiextensions_apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition");
        assertThat(d.forKind("v1", "Status").getFullName()).isEqualTo("k8s.io.apimachinery.pkg.apis.meta.v1.Status");
        assertThat(d.forKind("policy/v1", "Eviction").getFullName()).isEqualTo("k8s.io.api.policy.v1.Eviction");
        assertThat(d.forKind("v1", "PodSpec")).as("parts of objects are no kinds").isNull();
        assertThat(d.forKind("apps/v1", "ObjectMeta")).isNull();
    }
}
