package io.wharf.apiserver.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningRecorderTest {

    @Test
    void eachTextIsSentOnceInOrderAndQuoted() {
        WarningRecorder r = new WarningRecorder();
        r.add("unknown field \"spec.a\"");
        r.add("b");
        r.add("unknown field \"spec.a\"");
        r.add("");
        r.add("two\nlines");
        assertThat(r.headerValues()).containsExactly("299 - \"unknown field \\\"spec.a\\\"\"", "299 - \"b\"");
    }

    @Test
    void pastFourThousandCharactersEveryTextIsCutAndLaterOnesDropped() {
        WarningRecorder r = new WarningRecorder();
        for (int i = 0; i < 13; i++) {
            r.add(text(i, 300));
        }
        assertThat(r.headerValues()).hasSize(13).allMatch(h -> h.length() == "299 - \"\"".length() + 300);
        r.add(text(13, 300)); // 4200 characters: everything is cut to 256
        assertThat(r.headerValues()).hasSize(14).allMatch(h -> h.length() == "299 - \"\"".length() + 256);
        r.add(text(14, 10));
        r.add(text(15, 300));
        r.add(text(16, 300)); // cut, and now past the limit
        r.add(text(17, 5)); // past the limit while truncating: dropped
        List<String> headers = r.headerValues();
        assertThat(headers).hasSize(17);
        assertThat(headers.get(14)).isEqualTo("299 - \"" + text(14, 10) + "\"");
        assertThat(headers.get(0)).isEqualTo("299 - \"" + text(0, 256) + "\"");
    }

    @Test
    void cutsFallOnCharacterBoundaries() {
        WarningRecorder r = new WarningRecorder();
        String wide = "\uD83D\uDE00".repeat(300); // 300 characters outside the BMP
        r.add(wide);
        for (int i = 0; i < 14; i++) {
            r.add(text(i, 300));
        }
        assertThat(r.headerValues().get(0)).isEqualTo("299 - \"" + "\uD83D\uDE00".repeat(256) + "\"");
    }

    private static String text(int n, int length) {
        String prefix = n + ":";
        return prefix + "x".repeat(length - prefix.length());
    }
}
