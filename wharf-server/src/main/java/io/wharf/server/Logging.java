package io.wharf.server;

/**
 * Configures slf4j-simple before the first logger exists: readable lines on stderr with a time
 * stamp, the level and the short logger name; {@code -v} raises the verbosity like upstream's
 * klog levels (0-1 info, 2-4 debug, 5 and more trace, 6 and more also Netty's own debug output).
 */
public final class Logging {
    private Logging() {
    }

    public static void configure(int verbosity) {
        String level = verbosity >= 5 ? "trace" : verbosity >= 2 ? "debug" : "info";
        set("org.slf4j.simpleLogger.logFile", "System.err");
        set("org.slf4j.simpleLogger.defaultLogLevel", level);
        set("org.slf4j.simpleLogger.showDateTime", "true");
        set("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        set("org.slf4j.simpleLogger.showThreadName", "false");
        set("org.slf4j.simpleLogger.showShortLogName", "true");
        set("org.slf4j.simpleLogger.levelInBrackets", "true");
        if (verbosity < 6) {
            set("org.slf4j.simpleLogger.log.io.netty", "info");
        }
        if (verbosity < 4) {
            // the etcd client logs every retry; Wharf reports what a failed call means itself
            set("org.slf4j.simpleLogger.log.io.etcd.jetcd", "error");
            set("org.slf4j.simpleLogger.log.io.wharf.etcd.shaded", "error");
        }
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
