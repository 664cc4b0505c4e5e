package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The table of resources without a printer of their own (Role, ClusterRole, LimitRange,
 * CustomResourceDefinition, ...): the name and the creation time as an RFC 3339 date, which
 * kubectl shows under CREATED AT.
 */
final class DefaultPrinter implements RowPrinter {
    static final DefaultPrinter INSTANCE = new DefaultPrinter();

    private static final DateTimeFormatter RFC3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    /** Go's zero time, printed when the object has no creation timestamp. */
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final List<Column> COLUMNS = List.of(
            Columns.name(),
            new Column("Created At", "date", "", "When the object was created.", 0));

    private DefaultPrinter() {
    }

    @Override
    public List<Column> columns() {
        return COLUMNS;
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        Instant created = Fields.created(object);
        String at = created == null ? ZERO_TIME : RFC3339.format(created.truncatedTo(ChronoUnit.SECONDS));
        return List.of(Fields.name(object), at);
    }
}
