package io.wharf.apiserver.table;

import java.time.Duration;
import java.time.Instant;

/**
 * Renders elapsed time the way kubectl users know it ("5s", "3m2s", "5h", "2d3h", "10y").
 * Two precisions exist upstream: the default one (two significant units while the value is
 * small) and a short one (a single unit). Both tolerate clocks up to two seconds apart by
 * printing "0s" instead of "&lt;invalid&gt;" for slightly negative values.
 */
public final class HumanDuration {
    /** Printed when a timestamp is absent or the zero time. */
    public static final String UNKNOWN = "<unknown>";
    /** Printed for a duration more than a second in the future. */
    public static final String INVALID = "<invalid>";

    private static final long HOURS_PER_YEAR = 24L * 365;

    private HumanDuration() {
    }

    /** Approximation with up to two units, e.g. "3m2s", "2d3h", "3y12d". */
    public static String format(Duration d) {
        long seconds = wholeSeconds(d);
        if (seconds < -1) {
            return INVALID;
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < HOURS_PER_YEAR * 2) {
            return hours / 24 + "d";
        } else if (hours < HOURS_PER_YEAR * 8) {
            long days = (hours / 24) % 365;
            return days == 0 ? hours / HOURS_PER_YEAR + "y" : hours / HOURS_PER_YEAR + "y" + days + "d";
        }
        return hours / HOURS_PER_YEAR + "y";
    }

    /** Single-unit approximation, e.g. "59s", "5m", "23h", "364d", "2y". */
    public static String formatShort(Duration d) {
        long seconds = wholeSeconds(d);
        if (seconds < -1) {
            return INVALID;
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 24) {
            return hours + "h";
        } else if (hours < HOURS_PER_YEAR) {
            return hours / 24 + "d";
        }
        return (long) (d.toNanos() / 3.6e12 / 24 / 365) + "y";
    }

    /** Age of {@code timestamp} at {@code now}; "&lt;unknown&gt;" when the timestamp is absent. */
    public static String since(Instant timestamp, Instant now) {
        if (timestamp == null) {
            return UNKNOWN;
        }
        return format(Duration.between(timestamp, now));
    }

    // Go truncates toward zero when turning a duration into whole seconds; so does Duration.
    private static long wholeSeconds(Duration d) {
        long s = d.getSeconds();
        return s < 0 && d.getNano() > 0 ? s + 1 : s;
    }
}
