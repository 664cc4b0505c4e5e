package io.wharf.apiserver.admission;

import java.util.List;
import java.util.Set;

/**
 * kube-apiserver v1.32's admission plugins: every name it accepts, in the one order it runs them
 * (its AllOrderedPlugins; the order of the flags does not matter), and the ones on by default.
 */
public final class UpstreamAdmissionPlugins {
    private UpstreamAdmissionPlugins() {
    }

    /** Every upstream plugin, in running order: webhooks, quota and AlwaysDeny come last. */
    public static final List<String> ORDER = List.of(
            "AlwaysAdmit",
            "NamespaceAutoProvision",
            "NamespaceLifecycle",
            "NamespaceExists",
            "LimitPodHardAntiAffinityTopology",
            "LimitRanger",
            "ServiceAccount",
            "NodeRestriction",
            "TaintNodesByCondition",
            "AlwaysPullImages",
            "ImagePolicyWebhook",
            "PodSecurity",
            "PodNodeSelector",
            "Priority",
            "DefaultTolerationSeconds",
            "PodTolerationRestriction",
            "EventRateLimit",
            "ExtendedResourceToleration",
            "DefaultStorageClass",
            "StorageObjectInUseProtection",
            "OwnerReferencesPermissionEnforcement",
            "PersistentVolumeClaimResize",
            "RuntimeClass",
            "CertificateApproval",
            "CertificateSigning",
            "ClusterTrustBundleAttest",
            "CertificateSubjectRestriction",
            "DefaultIngressClass",
            "DenyServiceExternalIPs",
            "MutatingAdmissionPolicy",
            "MutatingAdmissionWebhook",
            "ValidatingAdmissionPolicy",
            "ValidatingAdmissionWebhook",
            "ResourceQuota",
            "AlwaysDeny");

    /** The plugins upstream runs when no flag says otherwise. */
    public static final Set<String> DEFAULT_ON = Set.of(
            "NamespaceLifecycle",
            "LimitRanger",
            "ServiceAccount",
            "DefaultStorageClass",
            "PersistentVolumeClaimResize",
            "DefaultTolerationSeconds",
            "MutatingAdmissionWebhook",
            "ValidatingAdmissionWebhook",
            "ResourceQuota",
            "StorageObjectInUseProtection",
            "Priority",
            "TaintNodesByCondition",
            "RuntimeClass",
            "CertificateApproval",
            "CertificateSigning",
            "ClusterTrustBundleAttest",
            "CertificateSubjectRestriction",
            "DefaultIngressClass",
            "PodSecurity",
            "ValidatingAdmissionPolicy");
}
