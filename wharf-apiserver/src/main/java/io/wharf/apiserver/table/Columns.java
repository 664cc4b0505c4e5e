package io.wharf.apiserver.table;

/** Factories for the column definitions; names, types and priorities follow upstream exactly. */
final class Columns {
    private Columns() {
    }

    /** The object name column every built-in table starts with. */
    static Column name() {
        return new Column("Name", "string", "name", "Name of the object, unique within its namespace.", 0);
    }

    static Column age() {
        return new Column("Age", "string", "", "Time elapsed since the object was created.", 0);
    }

    static Column string(String name, String description) {
        return new Column(name, "string", "", description, 0);
    }

    static Column integer(String name, String description) {
        return new Column(name, "integer", "", description, 0);
    }

    static Column bool(String name, String description) {
        return new Column(name, "boolean", "", description, 0);
    }

    /** A string column shown only by {@code -o wide}. */
    static Column wide(String name, String description) {
        return new Column(name, "string", "", description, 1);
    }

    static Column containers() {
        return wide("Containers", "Container names of the pod template.");
    }

    static Column images() {
        return wide("Images", "Container images of the pod template.");
    }

    static Column selector() {
        return wide("Selector", "Label selector picking the managed pods.");
    }
}
