package io.wharf.apiserver.admission;

/** Upstream's AlwaysAdmit (deprecated, off by default): lets every request through, changing nothing. */
public final class AlwaysAdmit implements AdmissionPlugin {
    public static final String NAME = "AlwaysAdmit";

    @Override
    public String name() {
        return NAME;
    }
}
