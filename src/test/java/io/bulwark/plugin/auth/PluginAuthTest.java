package io.bulwark.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures on Bulwark's side never look like revoked keys to the plugin. */
class PluginAuthTest {
    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void token_whenTheDatabaseIsDown_answers503NotThe401ThatDisconnects(String kind) {
        try (TestServer server = TestServer.start(kind)) {
            server.expectErrors();
            PluginClient plugin = HostedSite.create(server.client(server.newProvider("Down")),
                    "premium").plugin(server);
            server.app().database().close();

            WireClient.Reply reply = plugin.token();

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body()).isEqualTo("{\"error\":\"temporarily_unavailable\","
                    + "\"message\":\"Try again later.\"}");
        }
    }
}
