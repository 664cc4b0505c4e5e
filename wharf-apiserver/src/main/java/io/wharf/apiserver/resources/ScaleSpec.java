package io.wharf.apiserver.resources;

/**
 * Where a scalable resource keeps what its {@code scale} subresource shows, as JSON paths
 * ({@code .spec.replicas}); the same shape CRDs declare in their scale subresource.
 *
 * @param specReplicasPath   desired replicas, e.g. {@code .spec.replicas}
 * @param statusReplicasPath observed replicas, e.g. {@code .status.replicas}
 * @param labelSelectorPath  where the selector for the scale's {@code status.selector} sits (may be null)
 * @param selectorIsMap      true when the selector is a plain label map (ReplicationController)
 *                           rather than a {@code LabelSelector} or string
 */
public record ScaleSpec(String specReplicasPath, String statusReplicasPath, String labelSelectorPath, boolean selectorIsMap) {
    public static final ScaleSpec WORKLOAD = new ScaleSpec(".spec.replicas", ".status.replicas", ".spec.selector", false);
    public static final ScaleSpec REPLICATION_CONTROLLER = new ScaleSpec(".spec.replicas", ".status.replicas", ".spec.selector", true);
}
