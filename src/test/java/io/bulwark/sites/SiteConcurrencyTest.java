package io.bulwark.sites;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict adds of one URL racing from several providers: exactly one site is created. */
class SiteConcurrencyTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void strictAdd_sameUrlFromEightProvidersAtOnce_createsOneSite(String kind) throws Exception {
        try (TestServer server = TestServer.start(kind)) {
            List<Callable<String>> adds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                HttpTestClient host = server.client(server.newProvider("Racer " + i));
                long userId = host.postJson("/hosting/user/add", "{\"name\":\"R\",\"email\":"
                        + "\"racer" + i + "@example.com\",\"password\":\"secret1\","
                        + "\"password_confirmation\":\"secret1\",\"newsletter\":0}").json()
                        .get("id").asLong();
                adds.add(() -> host.postJson("/hosting/site/add", "{\"url\":"
                        + "\"https://contested.example\",\"userid\":" + userId
                        + ",\"strict\":true}").json().has("siteid") ? "created" : "duplicate");
            }

            List<String> outcomes = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
                for (Future<String> outcome : pool.invokeAll(adds)) {
                    outcomes.add(outcome.get());
                }
            }

            assertThat(outcomes).containsOnlyOnce("created");
            assertThat(outcomes).filteredOn("duplicate"::equals).hasSize(7);
        }
    }
}
