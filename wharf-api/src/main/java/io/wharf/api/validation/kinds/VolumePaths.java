package io.wharf.api.validation.kinds;

/**
 * Upstream's checks of file paths inside volumes: relative paths that never step out of the
 * volume, and item paths that also may not start with "..".
 */
final class VolumePaths {
    static final String FILE_MODE_ERROR = "must be a number between 0 and 0777 (octal), both inclusive";

    private VolumePaths() {
    }

    /** No ".." element anywhere (one problem is enough even for "../../.."). */
    static void noBacksteps(Problems out, String target, FieldPath path) {
        for (String part : target.split("/", -1)) {
            if (part.equals("..")) {
                out.invalid(path, target, "must not contain '..'");
                return;
            }
        }
    }

    /** Relative and without backsteps (upstream's validateLocalDescendingPath). */
    static void localDescending(Problems out, String target, FieldPath path) {
        if (target.startsWith("/")) {
            out.invalid(path, target, "must be a relative path");
        }
        noBacksteps(out, target, path);
    }

    /** Upstream's ValidateLocalNonReservedPath: also no leading ".." (unless already reported). */
    static void localNonReserved(Problems out, String target, FieldPath path) {
        localDescending(out, target, path);
        if (target.startsWith("..") && !target.startsWith("../")) {
            out.invalid(path, target, "must not start with '..'");
        }
    }

    /** File modes are 0 to 0777. */
    static void fileMode(Problems out, Long mode, FieldPath path) {
        if (mode != null && (mode > 0777 || mode < 0)) {
            out.invalid(path, mode, FILE_MODE_ERROR);
        }
    }
}
