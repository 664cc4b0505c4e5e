package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Event rows for both core/v1 Event and events.k8s.io/v1 Event. Upstream prints both through the
 * same internal type, so the events.k8s.io fields are first mapped onto the core names
 * (regarding → involvedObject, note → message, deprecated* → source, timestamps and count).
 */
final class EventPrinter implements RowPrinter {
    private static final List<Column> COLUMNS = List.of(
            Columns.string("Last Seen", "Time since the event was last observed."),
            Columns.string("Type", "Normal or Warning."),
            Columns.string("Reason", "Short machine-readable cause of the event."),
            Columns.string("Object", "Kind and name of the object the event is about."),
            Columns.wide("Subobject", "Field path inside the object, such as a container."),
            Columns.wide("Source", "Component (and host) that reported the event."),
            Columns.string("Message", "Human-readable description of the event."),
            Columns.wide("First Seen", "Time since the event was first observed."),
            Columns.wide("Count", "How many times the event occurred."),
            new Column("Name", "string", "name", "Name of the event object.", 1));

    private final boolean eventsApi;

    private EventPrinter(boolean eventsApi) {
        this.eventsApi = eventsApi;
    }

    /** For core/v1 Event objects. */
    static EventPrinter core() {
        return new EventPrinter(false);
    }

    /** For events.k8s.io/v1 Event objects. */
    static EventPrinter eventsApi() {
        return new EventPrinter(true);
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode event, Instant now) {
        JsonNode regarding = Fields.at(event, eventsApi ? "regarding" : "involvedObject");
        JsonNode source = Fields.at(event, eventsApi ? "deprecatedSource" : "source");
        Instant firstTimestamp = Fields.time(event, eventsApi ? "deprecatedFirstTimestamp" : "firstTimestamp");
        Instant lastTimestamp = Fields.time(event, eventsApi ? "deprecatedLastTimestamp" : "lastTimestamp");
        long count = Fields.num(event, eventsApi ? "deprecatedCount" : "count");
        String message = Fields.str(event, eventsApi ? "note" : "message");
        String reportingController = Fields.str(event, eventsApi ? "reportingController" : "reportingComponent");
        String reportingInstance = Fields.str(event, "reportingInstance");

        String first = firstTimestamp != null
                ? HumanDuration.since(firstTimestamp, now)
                : HumanDuration.since(Fields.time(event, "eventTime"), now);
        String last = lastTimestamp != null ? HumanDuration.since(lastTimestamp, now) : first;
        JsonNode series = Fields.at(event, "series");
        if (!series.isMissingNode()) {
            last = HumanDuration.since(Fields.time(series, "lastObservedTime"), now);
            count = Fields.num(series, "count");
        } else if (count == 0) {
            // singleton events of the newer API carry no count
            count = 1;
        }

        String kind = Fields.str(regarding, "kind").toLowerCase(Locale.ROOT);
        String name = Fields.str(regarding, "name");
        String target = name.isEmpty() ? kind : kind + "/" + name;

        return List.of(
                last,
                Fields.str(event, "type"),
                Fields.str(event, "reason"),
                target,
                Fields.str(regarding, "fieldPath"),
                source(firstNonEmpty(Fields.str(source, "component"), reportingController),
                        firstNonEmpty(Fields.str(source, "host"), reportingInstance)),
                message.strip(),
                first,
                count,
                Fields.name(event));
    }

    private static String source(String component, String instance) {
        return instance.isEmpty() ? component : component + ", " + instance;
    }

    private static String firstNonEmpty(String a, String b) {
        return a.isEmpty() ? b : a;
    }
}
