package io.wharf.bench;

/** The objects the benchmarks write. */
final class Objects {
    private Objects() {
    }

    /** A ConfigMap of about 1 KiB. */
    static String configMap(String namespace, String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace
                + "\",\"labels\":{\"bench\":\"yes\"}},\"data\":{\"payload\":\"" + "x".repeat(850) + "\"}}";
    }

    /** A pod as a controller would create it: one container, resources, a label set, bound to no node. */
    static String pod(String namespace, String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"" + namespace
                + "\",\"labels\":{\"app\":\"bench\",\"pod-template-hash\":\"5d8f7c9b4\"}},\"spec\":{\"containers\":[{\"name\":\"main\","
                + "\"image\":\"registry.example/app:1.0\",\"ports\":[{\"containerPort\":8080,\"protocol\":\"TCP\"}],"
                + "\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"128Mi\"},\"limits\":{\"memory\":\"256Mi\"}},"
                + "\"env\":[{\"name\":\"MODE\",\"value\":\"bench\"}]}],\"restartPolicy\":\"Always\"}}";
    }

    static String namespace(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }
}
