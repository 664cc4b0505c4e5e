package io.wharf.apiserver.admission;

/** Upstream's AlwaysDeny (deprecated, off by default, for tests): refuses every write. */
public final class AlwaysDeny implements AdmissionPlugin {
    public static final String NAME = "AlwaysDeny";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void admit(AdmissionRequest r) {
        throw r.forbidden("admission control is denying all modifications");
    }

    @Override
    public void validate(AdmissionRequest r) {
        throw r.forbidden("admission control is denying all modifications");
    }
}
