package io.wharf.api.validation.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events in their stored core/v1 form: the rules every Event passes, and what events.k8s.io/v1
 * requests add (checked against the same stored form, with core field names in the paths).
 */
class EventValidationTest {
    private static final KindTestSupport EVENTS = new KindTestSupport("", "v1", "Event");
    private static final String QUALIFIED_NAME_REGEX = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
            + "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
            + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

    private static List<String> eventsApiCreate(ObjectNode event) {
        return KindTestSupport.render(KindValidators.servedVersionRules("events.k8s.io", "v1", "Event").orElseThrow().validate(event));
    }

    private static List<String> eventsApiUpdate(ObjectNode event, ObjectNode old) {
        return KindTestSupport.render(KindValidators.servedVersionRules("events.k8s.io", "v1", "Event").orElseThrow()
                .validateUpdate(event, old));
    }

    @Test
    void legacyEventsNameTheirObjectsNamespace() {
        assertThat(EVENTS.create("metadata: {name: e, namespace: web}\ninvolvedObject: {kind: Pod, name: p, namespace: web}\n"
                + "reason: Started\ntype: Normal")).isEmpty();
        // events about cluster-scoped objects live in "default", as old clients write them
        assertThat(EVENTS.create("metadata: {name: e, namespace: default}\ninvolvedObject: {kind: Node, name: n}")).isEmpty();
        assertThat(EVENTS.create("metadata: {name: e, namespace: web}\ninvolvedObject: {kind: Pod, name: p, namespace: other}"))
                .containsExactly("FieldValueInvalid involvedObject.namespace: Invalid value: \"other\": does not match event.namespace");
        assertThat(EVENTS.create("metadata: {name: e, namespace: web}\ninvolvedObject: {kind: Node, name: n}"))
                .containsExactly("FieldValueInvalid involvedObject.namespace: Invalid value: \"\": does not match event.namespace");
    }

    @Test
    void eventsWithAnEventTimeNameWhoReportedThem() {
        assertThat(EVENTS.create("metadata: {name: e, namespace: web}\ninvolvedObject: {namespace: web}\n"
                + "eventTime: '2024-05-01T10:00:00.000000Z'\nreportingComponent: kubelet\nreportingInstance: node1\n"
                + "action: Pulling\nreason: Pulling")).isEmpty();
        assertThat(EVENTS.create("metadata: {name: e, namespace: web}\ninvolvedObject: {}\neventTime: '2024-05-01T10:00:00.000000Z'\n"
                + "message: " + "m".repeat(1025))).containsExactly(
                "FieldValueInvalid involvedObject.namespace: Invalid value: \"\": does not match event.namespace",
                "FieldValueRequired reportingController: Required value",
                "FieldValueInvalid reportingController: Invalid value: \"\": name part must be non-empty",
                "FieldValueInvalid reportingController: Invalid value: \"\": " + QUALIFIED_NAME_REGEX,
                "FieldValueRequired reportingInstance: Required value",
                "FieldValueRequired action: Required value",
                "FieldValueRequired reason: Required value",
                "FieldValueInvalid message: Invalid value: \"\": can have at most 1024 characters");
    }

    @Test
    void eventsApiRequestsAreStricter() {
        ObjectNode event = EVENTS.object("metadata: {name: e, namespace: web}\ninvolvedObject: {namespace: web}\n"
                + "reason: Pulling\ntype: Info\ncount: 2\nsource: {component: kubelet}\nseries: {count: 1}");
        assertThat(EVENTS.create(event)).isEmpty();
        assertThat(eventsApiCreate(event)).containsExactly(
                "FieldValueInvalid series.count: Invalid value: \"\": should be at least 2",
                "FieldValueRequired series.lastObservedTime: Required value",
                "FieldValueRequired eventTime: Required value",
                "FieldValueInvalid type: Invalid value: \"\": has invalid value: Info",
                "FieldValueInvalid count: Invalid value: \"\": needs to be unset",
                "FieldValueInvalid source: Invalid value: \"\": needs to be unset");
    }

    @Test
    void eventsApiUpdatesKeepTheEventAsItWas() {
        ObjectNode old = EVENTS.object("metadata: {name: e, namespace: web}\ninvolvedObject: {namespace: web}\n"
                + "eventTime: '2024-05-01T10:00:00.000000Z'\nreportingComponent: kubelet\nreportingInstance: node1\n"
                + "action: Pulling\nreason: Pulling\ntype: Normal\nmessage: pulling image");
        ObjectNode same = old.deepCopy();
        same.putObject("series").put("count", 2).put("lastObservedTime", "2024-05-01T10:05:00.000000Z");
        assertThat(eventsApiUpdate(same, old)).isEmpty();
        ObjectNode changed = old.deepCopy();
        changed.put("message", "pulled").put("reason", "Pulled");
        // upstream checks the reason twice
        assertThat(eventsApiUpdate(changed, old)).containsExactly(
                "FieldValueInvalid reason: Invalid value: \"Pulled\": field is immutable",
                "FieldValueInvalid message: Invalid value: \"pulled\": field is immutable",
                "FieldValueInvalid reason: Invalid value: \"Pulled\": field is immutable");
        // core/v1 writes may change them
        assertThat(EVENTS.update(changed, old)).isEmpty();
    }
}
