package io.bulwark.bench;

import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.time.Duration;
import java.util.Map;

/**
 * Requests per second and p99 latency of {@code GET /hosting/site/{id}/view} next to the
 * trivial {@code GET /livez} of the same server, in the same run, on each database. The view
 * reads the site, its owner's totals, 32 attack days and the software list.
 *
 * <p>Run with {@code bench/hosting-view.sh [seconds] [connections]}.
 */
public final class HostingViewBench {
    private HostingViewBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        for (String kind : new String[] {"sqlite", "postgresql"}) {
            try (TestServer server = TestServer.start(kind)) {
                String token = server.newProvider("Bench Hosting");
                HttpTestClient host = server.client(token);
                long userId = host.postJson("/hosting/user/add", "{\"name\":\"Bench\",\"email\":"
                        + "\"bench@example.com\",\"password\":\"secret1\","
                        + "\"password_confirmation\":\"secret1\",\"newsletter\":0}").json()
                        .get("id").asLong();
                long siteId = host.postJson("/hosting/site/add", "{\"url\":\"https://bench."
                        + "example\",\"userid\":" + userId + "}").json().get("siteid").asLong();
                Duration warmup = Duration.ofSeconds(Math.max(2, seconds / 3));
                Duration measure = Duration.ofSeconds(seconds);
                String view = server.baseUrl() + "/hosting/site/" + siteId + "/view";
                Wrk.run("warm-up", view, Map.of("HostToken", token), connections, warmup);
                Wrk.run("warm-up", server.baseUrl() + "/livez", Map.of(), connections, warmup);
                Wrk.Result trivial = Wrk.run(kind + " GET /livez", server.baseUrl() + "/livez",
                        Map.of(), connections, measure);
                Wrk.Result site = Wrk.run(kind + " GET /hosting/site/{id}/view", view,
                        Map.of("HostToken", token), connections, measure);
                System.out.println(trivial.line());
                System.out.println(site.line());
                System.out.printf("%-34s %9.2f x the trivial endpoint's throughput%n",
                        kind + " site/view ratio",
                        site.requestsPerSecond() / trivial.requestsPerSecond());
                System.out.printf("%-40s %9.2f x the trivial endpoint's p99%n",
                        kind + " site/view p99 ratio", site.p99Millis() / trivial.p99Millis());
            }
        }
    }
}
