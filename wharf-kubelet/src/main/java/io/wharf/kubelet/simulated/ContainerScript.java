package io.wharf.kubelet.simulated;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a simulated container does, read from its pod's annotations
 * ({@code sim.wharf.io/<container>.<key>}):
 * <ul>
 *   <li>{@code start-delay}: time from start to running (default: the runtime's)</li>
 *   <li>{@code run-for}: how long it runs before it exits ({@code forever} by default, {@code 0s} for
 *       init containers); a comma list
 *       gives one value per attempt, the last repeating ({@code 5s,5s,forever})</li>
 *   <li>{@code exit-code}: the code it exits with (default 0), also per attempt ({@code 1,1,0})</li>
 *   <li>{@code term-delay}: how long it takes to exit after SIGTERM (default 0); longer than the
 *       grace period means it is killed</li>
 *   <li>{@code liveness}, {@code readiness}, {@code startup}: {@code pass} (default), {@code fail},
 *       {@code fail-after=20s} or {@code pass-after=5s}, counted from the attempt's start</li>
 *   <li>{@code log-interval}: one log line per interval while running (default 10s)</li>
 * </ul>
 */
public record ContainerScript(Duration startDelay, List<Duration> runFor, List<Integer> exitCodes, Duration termDelay,
                              ProbeScript liveness, ProbeScript readiness, ProbeScript startup, Duration logInterval) {
    public static final String PREFIX = "sim.wharf.io/";
    /** A run-for entry that never ends. */
    static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE / 2_000_000_000L);

    /** A scripted probe: its result flips once, at {@code after} from the attempt's start. */
    public record ProbeScript(boolean initially, Duration after) {
        static final ProbeScript PASS = new ProbeScript(true, null);

        public boolean passes(Duration sinceStart) {
            return after == null || sinceStart.compareTo(after) < 0 ? initially : !initially;
        }

        static ProbeScript parse(String value, String where) {
            if (value == null || value.equals("pass")) {
                return PASS;
            }
            if (value.equals("fail")) {
                return new ProbeScript(false, null);
            }
            if (value.startsWith("fail-after=")) {
                return new ProbeScript(true, duration(value.substring("fail-after=".length()), where));
            }
            if (value.startsWith("pass-after=")) {
                return new ProbeScript(false, duration(value.substring("pass-after=".length()), where));
            }
            throw new IllegalArgumentException(where + ": expected pass, fail, fail-after=DURATION or pass-after=DURATION, not " + value);
        }
    }

    /** The script of {@code container} from the pod's annotations; bad values fail with a message naming the annotation. */
    public static ContainerScript of(Map<String, String> annotations, String container, Duration defaultStartDelay) {
        return of(annotations, container, defaultStartDelay, false);
    }

    /** As above; an init container runs to completion, so unless scripted it exits with 0 at once. */
    public static ContainerScript of(Map<String, String> annotations, String container, Duration defaultStartDelay, boolean init) {
        String p = PREFIX + container + ".";
        Map<String, String> a = annotations == null ? Map.of() : annotations;
        return new ContainerScript(
                a.containsKey(p + "start-delay") ? duration(a.get(p + "start-delay"), p + "start-delay") : defaultStartDelay,
                list(a.get(p + "run-for"), p + "run-for", init ? "0s" : "forever", v -> v.equals("forever") ? FOREVER : duration(v, p + "run-for")),
                list(a.get(p + "exit-code"), p + "exit-code", "0", v -> exitCode(v, p + "exit-code")),
                a.containsKey(p + "term-delay") ? duration(a.get(p + "term-delay"), p + "term-delay") : Duration.ZERO,
                ProbeScript.parse(a.get(p + "liveness"), p + "liveness"),
                ProbeScript.parse(a.get(p + "readiness"), p + "readiness"),
                ProbeScript.parse(a.get(p + "startup"), p + "startup"),
                a.containsKey(p + "log-interval") ? duration(a.get(p + "log-interval"), p + "log-interval") : Duration.ofSeconds(10));
    }

    /** How long attempt {@code attempt} (0-based) runs before exiting by itself. */
    public Duration runFor(int attempt) {
        return runFor.get(Math.min(attempt, runFor.size() - 1));
    }

    public int exitCode(int attempt) {
        return exitCodes.get(Math.min(attempt, exitCodes.size() - 1));
    }

    public boolean runsForever(int attempt) {
        return runFor(attempt).equals(FOREVER);
    }

    private interface Parser<T> {
        T parse(String v);
    }

    private static <T> List<T> list(String value, String where, String dflt, Parser<T> parser) {
        List<T> out = new ArrayList<>();
        for (String v : (value == null || value.isBlank() ? dflt : value).split(",")) {
            out.add(parser.parse(v.trim()));
        }
        return List.copyOf(out);
    }

    private static int exitCode(String v, String where) {
        try {
            int code = Integer.parseInt(v);
            if (code < 0 || code > 255) {
                throw new NumberFormatException();
            }
            return code;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": expected an exit code 0-255, not " + v);
        }
    }

    /** Go-style durations as kubectl users write them: 500ms, 5s, 2m, 1h, 1m30s. */
    static Duration duration(String v, String where) {
        String s = v.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty duration");
        }
        long nanos = 0;
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            if (start == unitStart || unitStart == i) {
                throw new IllegalArgumentException(where + ": expected a duration such as 5s, 2m or 1m30s, not " + v);
            }
            double n = Double.parseDouble(s.substring(start, unitStart));
            long unit = switch (s.substring(unitStart, i)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                default -> throw new IllegalArgumentException(where + ": unknown unit in " + v + " (ms, s, m, h)");
            };
            nanos += (long) (n * unit);
        }
        return Duration.ofNanos(nanos);
    }
}
