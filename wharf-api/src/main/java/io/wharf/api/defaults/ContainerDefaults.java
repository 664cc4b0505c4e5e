package io.wharf.api.defaults;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Defaults of one container (regular, init or ephemeral) and of the types nested in it: ports,
 * environment field references, probes and lifecycle hooks.
 */
final class ContainerDefaults {
    static final String TERMINATION_MESSAGE_PATH = "/dev/termination-log";
    private static final String[] PROBES = {"livenessProbe", "readinessProbe", "startupProbe"};
    private static final String[] HOOKS = {"postStart", "preStop"};

    private ContainerDefaults() {
    }

    static void apply(ObjectNode container) {
        if ("".equals(Tree.text(container, "imagePullPolicy"))) {
            String image = Tree.text(container, "image");
            container.put("imagePullPolicy", ImageReference.defaultPullPolicy(image == null ? "" : image));
        }
        Tree.defaultText(container, "terminationMessagePath", TERMINATION_MESSAGE_PATH);
        Tree.defaultText(container, "terminationMessagePolicy", "File");
        for (ObjectNode port : Tree.objects(container, "ports")) {
            Tree.defaultText(port, "protocol", "TCP");
        }
        for (ObjectNode env : Tree.objects(container, "env")) {
            fieldRef(Tree.object(Tree.object(env, "valueFrom"), "fieldRef"));
        }
        for (String name : PROBES) {
            probe(Tree.object(container, name));
        }
        ObjectNode lifecycle = Tree.object(container, "lifecycle");
        for (String hook : HOOKS) {
            httpGet(Tree.object(Tree.object(lifecycle, hook), "httpGet"));
        }
    }

    /** An ObjectFieldSelector: the API version of the field path defaults to v1. */
    static void fieldRef(ObjectNode fieldRef) {
        if (fieldRef != null) {
            Tree.defaultText(fieldRef, "apiVersion", "v1");
        }
    }

    private static void probe(ObjectNode probe) {
        if (probe == null) {
            return;
        }
        Tree.defaultInt(probe, "timeoutSeconds", 1);
        Tree.defaultInt(probe, "periodSeconds", 10);
        Tree.defaultInt(probe, "successThreshold", 1);
        Tree.defaultInt(probe, "failureThreshold", 3);
        httpGet(Tree.object(probe, "httpGet"));
        ObjectNode grpc = Tree.object(probe, "grpc");
        if (grpc != null) {
            // Declared with a default of "" on a pointer, so it is always written out.
            Tree.defaultPointerText(grpc, "service", "");
        }
    }

    private static void httpGet(ObjectNode action) {
        if (action != null) {
            Tree.defaultText(action, "path", "/");
            Tree.defaultText(action, "scheme", "HTTP");
        }
    }
}
