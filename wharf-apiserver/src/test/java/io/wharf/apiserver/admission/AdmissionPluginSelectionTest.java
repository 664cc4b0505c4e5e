package io.wharf.apiserver.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdmissionPluginSelectionTest {
    private static final List<String> DEFAULTS = List.of("NamespaceLifecycle", "LimitRanger", "TaintNodesByCondition", "Priority",
            "DefaultTolerationSeconds", "DefaultStorageClass", "StorageObjectInUseProtection", "DefaultIngressClass", "ResourceQuota");

    private static AdmissionPluginSelection select(List<String> enable, List<String> disable) {
        return AdmissionPluginSelection.of(BuiltinAdmissionPlugins.NAMES, enable, disable);
    }

    @Test
    void withoutFlagsTheImplementedDefaultsRunInUpstreamOrder() {
        assertThat(select(List.of(), List.of()).enabled()).containsExactlyElementsOf(DEFAULTS);
    }

    @Test
    void enabledPluginsTakeTheirUpstreamPlaceWhateverTheFlagOrder() {
        assertThat(select(List.of("AlwaysDeny", "AlwaysPullImages", "AlwaysAdmit"), List.of()).enabled()).containsExactly(
                "AlwaysAdmit", "NamespaceLifecycle", "LimitRanger", "TaintNodesByCondition", "AlwaysPullImages", "Priority",
                "DefaultTolerationSeconds", "DefaultStorageClass", "StorageObjectInUseProtection", "DefaultIngressClass",
                "ResourceQuota", "AlwaysDeny");
    }

    @Test
    void disabledDefaultsAreLeftOut() {
        assertThat(select(List.of(), List.of("Priority", " LimitRanger ", "")).enabled())
                .containsExactly("NamespaceLifecycle", "TaintNodesByCondition", "DefaultTolerationSeconds", "DefaultStorageClass",
                        "StorageObjectInUseProtection", "DefaultIngressClass", "ResourceQuota");
    }

    @Test
    void unknownNamesAreRefusedWithUpstreamsMessage() {
        assertThatThrownBy(() -> select(List.of("NoSuchPlugin"), List.of("Prioirty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enable-admission-plugins plugin \"NoSuchPlugin\" is unknown; "
                        + "disable-admission-plugins plugin \"Prioirty\" is unknown");
    }

    @Test
    void enablingAnUpstreamPluginWharfDoesNotImplementFailsNamingIt() {
        assertThatThrownBy(() -> select(List.of("PodSecurity"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("enable-admission-plugins plugin \"PodSecurity\" is not implemented by Wharf (it implements "
                        + "AlwaysAdmit, NamespaceLifecycle, LimitRanger,");
    }

    @Test
    void disablingAnUpstreamPluginWharfDoesNotImplementIsAcceptedAndReported() {
        AdmissionPluginSelection s = select(List.of(), List.of("ServiceAccount", "PodSecurity"));
        assertThat(s.enabled()).containsExactlyElementsOf(DEFAULTS);
        assertThat(s.ignoredDisables()).containsExactly("ServiceAccount", "PodSecurity");
    }

    @Test
    void aNameInBothFlagsIsRefused() {
        assertThatThrownBy(() -> select(List.of("LimitRanger", "AlwaysDeny"), List.of("AlwaysDeny", "LimitRanger")))
                .hasMessage("[AlwaysDeny LimitRanger] in enable-admission-plugins and disable-admission-plugins overlapped");
    }

    @Test
    void everyImplementedPluginIsAnUpstreamOne() {
        assertThat(UpstreamAdmissionPlugins.ORDER).containsAll(BuiltinAdmissionPlugins.NAMES);
        assertThat(UpstreamAdmissionPlugins.ORDER).containsAll(UpstreamAdmissionPlugins.DEFAULT_ON);
    }
}
