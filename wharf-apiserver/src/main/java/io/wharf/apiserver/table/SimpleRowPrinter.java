package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A printer made of a fixed column list and a row function. Server-side tables always carry the
 * wide cells (kubectl hides priority-1 columns itself), so the function returns every cell.
 */
record SimpleRowPrinter(List<Column> columns, RowFunction row) implements RowPrinter {
    /** Computes the cells of one object. */
    @FunctionalInterface
    interface RowFunction {
        List<Object> cells(JsonNode object, Instant now);
    }

    SimpleRowPrinter {
        columns = List.copyOf(columns);
    }

    static SimpleRowPrinter of(RowFunction row, Column... columns) {
        return new SimpleRowPrinter(List.of(columns), row);
    }

    @Override
    public List<Object> cells(JsonNode object, Instant now) {
        List<Object> cells = row.cells(object, now);
        if (cells.size() != columns.size()) {
            throw new IllegalStateException("printer produced " + cells.size() + " cells for " + columns.size() + " columns");
        }
        return cells;
    }
}
