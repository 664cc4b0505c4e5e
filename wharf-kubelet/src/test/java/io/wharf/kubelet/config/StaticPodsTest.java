package io.wharf.kubelet.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticPodsTest {
    @TempDir
    Path dir;

    private Map<String, Pod> read() {
        return new StaticPods(dir, "node-1", new KubernetesSerialization()).read();
    }

    @Test
    void manifestsBecomeNodeBoundPodsNamedAfterTheNode() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: etcd, namespace: kube-system}
                spec:
                  containers: [{name: etcd, image: etcd:3.5}]
                """);
        Files.writeString(dir.resolve("b.json"), "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx\"}]}}");
        Files.writeString(dir.resolve("broken.yaml"), "this: is: not: a pod");
        Files.writeString(dir.resolve(".hidden.yaml"), "ignored");
        Map<String, Pod> pods = read();
        assertThat(pods.values()).extracting(p -> p.getMetadata().getNamespace() + "/" + p.getMetadata().getName())
                .containsExactlyInAnyOrder("kube-system/etcd-node-1", "default/web-node-1");
        Pod etcd = pods.values().stream().filter(p -> p.getMetadata().getName().startsWith("etcd")).findFirst().orElseThrow();
        assertThat(etcd.getSpec().getNodeName()).isEqualTo("node-1");
        assertThat(etcd.getMetadata().getAnnotations()).containsEntry(StaticPods.SOURCE, "file").containsKey(StaticPods.HASH);
        assertThat(etcd.getMetadata().getUid()).isNotEmpty();
    }

    @Test
    void theUidAndHashChangeExactlyWhenTheContentDoes() throws Exception {
        Path f = dir.resolve("web.yaml");
        Files.writeString(f, "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: app, image: nginx:1.26}]}\n");
        String first = read().keySet().iterator().next();
        assertThat(read().keySet()).containsExactly(first);
        Files.writeString(f, "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: app, image: nginx:1.27}]}\n");
        assertThat(read().keySet()).doesNotContain(first).hasSize(1);
    }
}
