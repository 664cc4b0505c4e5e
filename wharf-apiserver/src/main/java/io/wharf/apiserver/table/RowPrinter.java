package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** Turns one object of a kind into the cells of a Table row, column for column. */
public interface RowPrinter {
    /** The columns, default ones (priority 0) and wide ones (priority 1), in display order. */
    List<Column> columns();

    /**
     * The cells of one row, in the order of {@link #columns()}. Cells are {@code String},
     * {@code Long}/{@code Integer}, {@code Double} or {@code Boolean}; never null (use "" or
     * "&lt;none&gt;" the way upstream prints absent values).
     *
     * @param object the full object as stored (apiVersion, kind, metadata, spec, status)
     * @param now    the instant ages are computed against
     */
    List<Object> cells(JsonNode object, Instant now);
}
