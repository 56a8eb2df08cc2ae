package io.bulwark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs Debian's {@code wrk} against a URL on this machine and reads its requests per second
 * and latency percentiles. wrk is a lean C load generator, so it takes less of the machine's
 * two cores from the server than a JVM client would.
 */
final class Wrk {
    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern P50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private Wrk() {
    }

    /** Figures of one run. */
    record Result(String label, double requestsPerSecond, double p50Millis, double p99Millis,
            long failures) {
        String line() {
            return String.format("%-40s %9.0f req/s   p50 %7.2f ms   p99 %7.2f ms   "
                    + "(%d non-2xx)", label, requestsPerSecond, p50Millis, p99Millis, failures);
        }
    }

    static Result run(String label, String url, Map<String, String> headers, int connections,
            Duration duration) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency"));
        headers.forEach((name, value) -> command.addAll(List.of("-H", name + ": " + value)));
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher errors = ERRORS.matcher(output);
        return new Result(label, number(RATE, output), millis(P50, output),
                millis(P99, output), errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected wrk output: " + output);
        }
        return Double.parseDouble(matcher.group(1));
    }

    private static double millis(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected wrk output: " + output);
        }
        double value = Double.parseDouble(matcher.group(1));
        return switch (matcher.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
