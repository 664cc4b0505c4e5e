package io.wharf.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The commit and date the running jar was built from, recorded by the build in wharf-build.properties. */
public final class BuildInfo {
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/wharf-build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall back to "unknown" below
        }
        return p;
    }

    public static String commit() {
        String c = PROPS.getProperty("commit", "");
        return c.isEmpty() || c.startsWith("${") ? "unknown" : c;
    }

    public static String date() {
        String d = PROPS.getProperty("date", "");
        return d.isEmpty() || d.startsWith("${") ? "1970-01-01T00:00:00Z" : d;
    }
}
