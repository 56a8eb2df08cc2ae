package io.bulwark.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator for benchmarks: {@code connections} clients each send the
 * next request as soon as the last one answered, for a fixed time, and every latency is kept
 * to compute percentiles. Bounded in time and count; only for servers on this machine.
 */
final class LoadGenerator {
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Figures of one run. */
    record Result(String label, long requests, long failures, double seconds, long p50Micros,
            long p99Micros) {
        double requestsPerSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format("%-34s %9.0f req/s   p50 %6.2f ms   p99 %6.2f ms   "
                    + "(%d requests, %d failed)", label, requestsPerSecond(), p50Micros / 1000.0,
                    p99Micros / 1000.0, requests, failures);
        }
    }

    Result run(String label, String url, Map<String, String> headers, int connections,
            Duration duration) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).GET()
                .timeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        HttpRequest request = builder.build();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong failures = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int client = 0; client < connections; client++) {
                int index = client;
                pool.submit(() -> {
                    long[] mine = new long[1 << 16];
                    int count = 0;
                    while (System.nanoTime() < deadline && count < 5_000_000) {
                        long begin = System.nanoTime();
                        try {
                            HttpResponse<Void> response = http.send(request,
                                    HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = (System.nanoTime() - begin) / 1000;
                    }
                    latencies[index] = mine;
                    counts[index] = count;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int client = 0; client < connections; client++) {
            System.arraycopy(latencies[client], 0, all, at, counts[client]);
            at += counts[client];
        }
        Arrays.sort(all);
        return new Result(label, total, failures.get(), seconds, percentile(all, 0.50),
                percentile(all, 0.99));
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1,
                Math.floor(sorted.length * fraction))];
    }
}
