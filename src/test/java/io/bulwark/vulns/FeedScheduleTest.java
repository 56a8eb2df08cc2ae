package io.bulwark.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.bulwark.config.FeedConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The scheduled import, against a feed served on the loopback interface. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedScheduleTest {
    private final Testbeds testbeds = new Testbeds();

    @AfterAll
    void close() {
        testbeds.close();
    }

    static List<String> kinds() {
        return Testbeds.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importIfDue_feedServed_importsOnceWithAuthorizationThenWaitsForTheInterval(String kind)
            throws IOException {
        Testbed testbed = testbeds.get(kind);
        AtomicInteger status = new AtomicInteger(503);
        List<String> authorizations = new CopyOnWriteArrayList<>();
        byte[] body = FeedImporterTest.generated(1, 3).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream output = exchange.getResponseBody()) {
                output.write(body);
            }
        });
        server.start();
        FeedConfig config = new FeedConfig(URI.create("http://127.0.0.1:"
                + server.getAddress().getPort() + "/feed"), "wordfence",
                Optional.of("Bearer test"), Duration.ofHours(1));
        try (FeedSchedule schedule = new FeedSchedule(Optional.of(config), testbed.jobs,
                HttpClient.newHttpClient(), Clock.systemUTC())) {
            schedule.importIfDue(config);
            long afterError = testbed.count("SELECT COUNT(*) FROM vuln_records");
            status.set(200);
            schedule.importIfDue(config);
            schedule.importIfDue(config);

            assertThat(afterError).isZero();
            assertThat(authorizations).containsExactly("Bearer test", "Bearer test");
            assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(3);
            assertThat(testbed.count("SELECT COUNT(*) FROM vuln_import_runs WHERE status = "
                    + "'succeeded'")).isEqualTo(1);
            assertThat(testbed.count("SELECT COUNT(*) FROM job_leases")).isZero();
        } finally {
            server.stop(0);
        }
    }
}
