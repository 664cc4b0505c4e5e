package io.wharf.api.validation.kinds;

/**
 * Registers what events.k8s.io/v1 adds to Event validation. Its Events are stored as core/v1
 * Events, whose validator always applies; requests through events.k8s.io/v1 are held to
 * upstream's stricter rules on top.
 */
final class EventsValidators {
    private EventsValidators() {
    }

    static void register() {
        KindValidators.registerServedVersionRules("events.k8s.io", "v1", "Event", EventValidation.eventsApi());
    }
}
