package io.wharf.api.patch;

/** The directive keys of strategic merge patch and the parsing of the prefixed ones. */
final class SmpDirectives {
    static final String PATCH = "$patch";
    static final String REPLACE = "replace";
    static final String DELETE = "delete";
    static final String MERGE = "merge";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";

    private SmpDirectives() {
    }

    static boolean isSetElementOrder(String key) {
        return key.startsWith(SET_ELEMENT_ORDER);
    }

    static boolean isDeleteFromPrimitiveList(String key) {
        return key.startsWith(DELETE_FROM_PRIMITIVE_LIST);
    }

    /** Keys that steer the merge and never belong in a result. */
    static boolean isDirectiveKey(String key) {
        return key.equals(PATCH) || key.equals(RETAIN_KEYS) || isSetElementOrder(key) || isDeleteFromPrimitiveList(key);
    }

    /** The field a prefixed directive key ({@code $setElementOrder/containers}) applies to. */
    static String fieldOf(String key, String prefix) {
        int slash = key.indexOf('/');
        if (slash < 0 || !key.substring(0, slash).equals(prefix)) {
            throw PatchException.malformed(prefix.equals(SET_ELEMENT_ORDER)
                    ? "invalid patch format of setElementOrder list"
                    : "invalid patch format of primitive list");
        }
        return key.substring(slash + 1);
    }
}
