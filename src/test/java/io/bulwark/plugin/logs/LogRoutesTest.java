package io.bulwark.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.Inventories;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A batch Bulwark cannot store is answered 200 with {@code errors}, so the plugin keeps it and
 * resends (protocol 17.7); never a 500, on which the plugin deletes the batch.
 */
class LogRoutesTest {
    private static final String RESEND = "{\"errors\":[\"temporarily unable to store logs\"]}";

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void upload_whenStorageFailsForGood_answers500SoTheQueueDoesNotJam(String kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.expectErrors();
            PluginClient plugin = HostedSite.create(server.client(server.newProvider("Down")),
                    "premium").plugin(server);
            plugin.token();
            server.app().database().jdbi().useHandle(handle ->
                    handle.execute("DROP TABLE attacks"));

            WireClient.Reply reply = plugin.firewallLogs(List.of(record()));

            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.body()).doesNotContain("errors");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void upload_whenTheTokenCannotBeChecked_asksThePluginToResend(String kind) {
        try (TestServer server = TestServer.start(kind)) {
            PluginClient plugin = HostedSite.create(server.client(server.newProvider("Down")),
                    "premium").plugin(server);
            plugin.token();
            server.app().database().close();

            WireClient.Reply logs = plugin.firewallLogs(List.of(record()));
            WireClient.Reply activity = plugin.activityLogs(List.of(Inventories.activity("1",
                    "activated", "2026-12-04 10:00:00")));

            assertThat(logs.status()).isEqualTo(200);
            assertThat(logs.body()).isEqualTo(RESEND);
            assertThat(activity.body()).isEqualTo(RESEND);
        }
    }

    private static Map<String, Object> record() {
        return Inventories.blocked("192.0.2.1", "551300", "/", "GET", "2026-12-04 10:00:00", "");
    }
}
