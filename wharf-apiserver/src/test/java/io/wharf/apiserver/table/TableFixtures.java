package io.wharf.apiserver.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.api.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** Shared test inputs: a fixed "now" and objects written as YAML. */
final class TableFixtures {
    /** Every test computes ages against this instant. */
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    private TableFixtures() {
    }

    static JsonNode yaml(String text) {
        try {
            return Json.YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Object> row(RowPrinter printer, String yaml) {
        return printer.cells(yaml(yaml), NOW);
    }

    static List<String> headers(RowPrinter printer) {
        return printer.columns().stream().map(Column::name).toList();
    }

    /** Names of the columns shown only by -o wide. */
    static List<String> wideHeaders(RowPrinter printer) {
        return printer.columns().stream().filter(c -> c.priority() == 1).map(Column::name).toList();
    }
}
