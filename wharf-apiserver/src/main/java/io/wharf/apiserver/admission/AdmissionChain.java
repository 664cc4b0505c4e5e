package io.wharf.apiserver.admission;

import java.util.List;

/** The enabled plugins in order: every mutating step first, then every validating step. */
public final class AdmissionChain {
    private final List<AdmissionPlugin> plugins;

    public AdmissionChain(List<AdmissionPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    public void admit(AdmissionRequest request) {
        for (AdmissionPlugin p : plugins) {
            p.admit(request);
        }
    }

    public void validate(AdmissionRequest request) {
        for (AdmissionPlugin p : plugins) {
            p.validate(request);
        }
    }

    public List<String> names() {
        return plugins.stream().map(AdmissionPlugin::name).toList();
    }
}
