package io.wharf.api.crd;

/**
 * Field paths spelled like upstream's {@code field.Path}: {@code .name} for fields,
 * {@code [key]} for map keys and list indices. A null path is the root of the object.
 */
final class Paths {
    private Paths() {
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    static String key(String path, String key) {
        return (path == null ? "" : path) + "[" + key + "]";
    }

    static String index(String path, int index) {
        return (path == null ? "" : path) + "[" + index + "]";
    }
}
