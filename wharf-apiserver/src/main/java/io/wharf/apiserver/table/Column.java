package io.wharf.apiserver.table;

/**
 * One column of a server-side {@code meta.k8s.io/v1} Table.
 *
 * @param name        header as kubectl prints it upper-cased ("Name", "Ready", "Age", ...)
 * @param type        OpenAPI type of the cells: "string", "integer", "number", "boolean" or "date"
 * @param format      OpenAPI format hint, "name" for the object name column, otherwise usually ""
 * @param description short human description of what the column shows
 * @param priority    0 for the default columns, 1 for the extra ones shown by {@code -o wide}
 */
public record Column(String name, String type, String format, String description, int priority) {
}
