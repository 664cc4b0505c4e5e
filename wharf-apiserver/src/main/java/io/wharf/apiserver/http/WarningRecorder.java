package io.wharf.apiserver.http;

import io.wharf.api.validation.WarningHeader;
import io.wharf.apiserver.registry.Warnings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The warnings of one request, turned into {@code Warning} header values as upstream's recorder
 * does: each text once, in the order added; once the texts pass {@value #TOTAL_LIMIT} characters
 * every text is cut to {@value #ITEM_LIMIT} and texts past the limit are dropped, so that a
 * request warning about thousands of fields still gets an answer a client can read.
 * Thread-safe: a request may warn from the thread that retries its update.
 */
public final class WarningRecorder implements Warnings {
    static final int TOTAL_LIMIT = 4 * 1024;
    static final int ITEM_LIMIT = 256;

    private final Set<String> seen = new HashSet<>();
    private final List<String> texts = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private int written;
    private boolean truncating;

    @Override
    public synchronized void add(String text) {
        if (text == null || text.isEmpty() || (truncating && written >= TOTAL_LIMIT) || !seen.add(text)) {
            return;
        }
        texts.add(text);
        String shown = truncating ? cut(text) : text;
        int length = codePoints(shown);
        if (truncating || written + length <= TOTAL_LIMIT) {
            WarningHeader.value(shown).ifPresent(h -> {
                written += length;
                headers.add(h);
            });
            return;
        }
        // over the limit for the first time: start again with every text cut short
        truncating = true;
        written = 0;
        headers.clear();
        for (String t : texts) {
            String c = cut(t);
            WarningHeader.value(c).ifPresent(h -> {
                written += codePoints(c);
                headers.add(h);
            });
        }
    }

    /** The {@code Warning} header values to send, in order. */
    public synchronized List<String> headerValues() {
        return List.copyOf(headers);
    }

    private static String cut(String text) {
        return codePoints(text) <= ITEM_LIMIT ? text : text.substring(0, text.offsetByCodePoints(0, ITEM_LIMIT));
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }
}
