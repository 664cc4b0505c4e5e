package io.wharf.api.apply;

import io.wharf.api.validation.FieldProblem;
import io.wharf.api.validation.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code fieldManager} of a write, as upstream's request options validation checks it (required
 * for apply patches, at most 128 bytes, printable characters only) and as its handlers default it.
 */
public final class FieldManagerNames {
    public static final int MAX_LENGTH = 128;
    static final String PARAMETER = "fieldManager";

    private FieldManagerNames() {
    }

    /** Problems with the fieldManager of a create, update or non-apply patch. */
    public static List<FieldProblem> validate(String fieldManager) {
        List<FieldProblem> out = new ArrayList<>();
        if (fieldManager == null) {
            return out;
        }
        if (fieldManager.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            out.add(FieldProblem.tooLong(PARAMETER, MAX_LENGTH));
        }
        int bytePosition = 0;
        for (int i = 0; i < fieldManager.length(); ) {
            int cp = fieldManager.codePointAt(i);
            if (!GoQuote.isPrint(cp)) {
                out.add(FieldProblem.invalid(PARAMETER, fieldManager,
                        "invalid character " + goUnicode(cp) + " (at position " + bytePosition + ")"));
            }
            bytePosition += new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            i += Character.charCount(cp);
        }
        return out;
    }

    /**
     * Problems with a patch's options, upstream's PatchOptions validation: {@code force} is only
     * for apply patches (even {@code force=false}), which must name their manager.
     */
    public static List<FieldProblem> validatePatch(String fieldManager, boolean apply, boolean forceGiven) {
        List<FieldProblem> out = new ArrayList<>();
        if (!apply && forceGiven) {
            out.add(FieldProblem.forbidden("force", "may not be specified for non-apply patch"));
        }
        if (apply && (fieldManager == null || fieldManager.isEmpty())) {
            out.add(FieldProblem.required(PARAMETER, "is required for apply patch"));
        }
        out.addAll(validate(fieldManager));
        return out;
    }

    /**
     * The manager of a create, update or non-apply patch: the {@code fieldManager} parameter when
     * given, else the User-Agent up to its first '/', without unprintable characters and cut to
     * {@value #MAX_LENGTH} bytes (so {@code kubectl/v1.32.0 (linux/amd64)} writes as {@code kubectl}).
     */
    public static String managerOrUserAgent(String fieldManager, String userAgent) {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        if (userAgent == null) {
            return "";
        }
        int slash = userAgent.indexOf('/');
        String prefix = slash < 0 ? userAgent : userAgent.substring(0, slash);
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < prefix.length(); ) {
            int cp = prefix.codePointAt(i);
            i += Character.charCount(cp);
            if (!GoQuote.isPrint(cp)) {
                continue;
            }
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > MAX_LENGTH) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
        }
        return out.toString();
    }

    /** Go's {@code %#U} for a character that is not printable: {@code U+0007}. */
    private static String goUnicode(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase();
        return "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
    }
}
