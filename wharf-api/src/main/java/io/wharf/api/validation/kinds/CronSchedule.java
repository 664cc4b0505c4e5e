package io.wharf.api.validation.kinds;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The cron parser upstream validates CronJob schedules with (robfig/cron v3's ParseStandard):
 * five fields (minute hour day-of-month month day-of-week) or a descriptor such as {@code @hourly}
 * or {@code @every 1h30m}, optionally after {@code TZ=} or {@code CRON_TZ=}. Only the error text
 * matters here, since it is what the API reports.
 */
final class CronSchedule {
    private record Bounds(long min, long max, Map<String, Long> names) {
    }

    private static final Bounds MINUTES = new Bounds(0, 59, Map.of());
    private static final Bounds HOURS = new Bounds(0, 23, Map.of());
    private static final Bounds DAYS_OF_MONTH = new Bounds(1, 31, Map.of());
    private static final Bounds MONTHS = new Bounds(1, 12, Map.ofEntries(
            Map.entry("jan", 1L), Map.entry("feb", 2L), Map.entry("mar", 3L), Map.entry("apr", 4L),
            Map.entry("may", 5L), Map.entry("jun", 6L), Map.entry("jul", 7L), Map.entry("aug", 8L),
            Map.entry("sep", 9L), Map.entry("oct", 10L), Map.entry("nov", 11L), Map.entry("dec", 12L)));
    private static final Bounds DAYS_OF_WEEK = new Bounds(0, 6, Map.of(
            "sun", 0L, "mon", 1L, "tue", 2L, "wed", 3L, "thu", 4L, "fri", 5L, "sat", 6L));
    private static final List<Bounds> FIELDS = List.of(MINUTES, HOURS, DAYS_OF_MONTH, MONTHS, DAYS_OF_WEEK);
    private static final List<String> DESCRIPTORS = List.of("@yearly", "@annually", "@monthly", "@weekly",
            "@daily", "@midnight", "@hourly");

    private CronSchedule() {
    }

    /** The parser's error for {@code spec}, or empty when it is a valid schedule. */
    static Optional<String> parseError(String spec) {
        if (spec.isEmpty()) {
            return Optional.of("empty spec string");
        }
        String rest = spec;
        if (rest.startsWith("TZ=") || rest.startsWith("CRON_TZ=")) {
            int space = rest.indexOf(' ');
            int eq = rest.indexOf('=');
            String location = space < 0 ? rest.substring(eq + 1) : rest.substring(eq + 1, space);
            Optional<String> zoneError = loadLocationError(location);
            if (zoneError.isPresent()) {
                return Optional.of("provided bad location " + location + ": " + zoneError.get());
            }
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        if (rest.startsWith("@")) {
            return descriptorError(rest);
        }
        List<String> fields = Arrays.stream(rest.trim().split("\\s+")).filter(f -> !f.isEmpty()).toList();
        if (fields.size() != FIELDS.size()) {
            return Optional.of("expected exactly " + FIELDS.size() + " fields, found " + fields.size() + ": "
                    + GoValues.goList(fields));
        }
        for (int i = 0; i < fields.size(); i++) {
            Optional<String> error = fieldError(fields.get(i), FIELDS.get(i));
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    /** Go's {@code time.LoadLocation} as a check; "" and "UTC" and "Local" always load. */
    static Optional<String> loadLocationError(String name) {
        if (name.isEmpty() || name.equals("UTC") || name.equals("Local") || ZoneId.getAvailableZoneIds().contains(name)) {
            return Optional.empty();
        }
        return Optional.of("unknown time zone " + name);
    }

    private static Optional<String> descriptorError(String descriptor) {
        if (DESCRIPTORS.contains(descriptor)) {
            return Optional.empty();
        }
        String every = "@every ";
        if (descriptor.startsWith(every)) {
            return GoDuration.parseError(descriptor.substring(every.length()))
                    .map(e -> "failed to parse duration " + descriptor + ": " + e);
        }
        return Optional.of("unrecognized descriptor: " + descriptor);
    }

    private static Optional<String> fieldError(String field, Bounds bounds) {
        List<String> ranges = new ArrayList<>();
        for (String part : field.split(",")) {
            if (!part.isEmpty()) {
                ranges.add(part);
            }
        }
        for (String expr : ranges) {
            Optional<String> error = rangeError(expr, bounds);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> rangeError(String expr, Bounds bounds) {
        String[] rangeAndStep = expr.split("/", -1);
        String[] lowAndHigh = rangeAndStep[0].split("-", -1);
        boolean single = lowAndHigh.length == 1;
        long start;
        long end;
        try {
            if (lowAndHigh[0].equals("*") || lowAndHigh[0].equals("?")) {
                start = bounds.min();
                end = bounds.max();
            } else {
                start = intOrName(lowAndHigh[0], bounds);
                switch (lowAndHigh.length) {
                    case 1 -> end = start;
                    case 2 -> end = intOrName(lowAndHigh[1], bounds);
                    default -> {
                        return Optional.of("too many hyphens: " + expr);
                    }
                }
            }
            long step;
            switch (rangeAndStep.length) {
                case 1 -> step = 1;
                case 2 -> {
                    step = nonNegativeInt(rangeAndStep[1]);
                    // "N/step" means "N-max/step".
                    if (single) {
                        end = bounds.max();
                    }
                }
                default -> {
                    return Optional.of("too many slashes: " + expr);
                }
            }
            if (start < bounds.min()) {
                return Optional.of("beginning of range (" + start + ") below minimum (" + bounds.min() + "): " + expr);
            }
            if (end > bounds.max()) {
                return Optional.of("end of range (" + end + ") above maximum (" + bounds.max() + "): " + expr);
            }
            if (start > end) {
                return Optional.of("beginning of range (" + start + ") beyond end of range (" + end + "): " + expr);
            }
            if (step == 0) {
                return Optional.of("step of range should be a positive number: " + expr);
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static long intOrName(String expr, Bounds bounds) {
        Long named = bounds.names().get(expr.toLowerCase(Locale.ROOT));
        return named != null ? named : nonNegativeInt(expr);
    }

    private static long nonNegativeInt(String expr) {
        long value;
        try {
            value = GoAtoi.parse(expr);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("failed to parse int from " + expr + ": " + e.getMessage());
        }
        if (value < 0) {
            throw new IllegalArgumentException("negative number (" + value + ") not allowed: " + expr);
        }
        return value;
    }
}
