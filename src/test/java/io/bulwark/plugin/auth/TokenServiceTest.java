package io.bulwark.plugin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.MutableClock;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Token lifetime, grace period and the cap on live tokens, over HTTP on both databases. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class TokenServiceTest {
    @Parameter
    String kind;

    private static MutableClock clock;
    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(kind, clock, Map.of("BULWARK_PLUGIN_TOKEN_SECONDS", "3600"));
        host = server.client(server.newProvider("Token Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void token_lifetimeFromConfig_isAcceptedUntilFiveMinutesPastExpiry() {
        PluginClient plugin = HostedSite.create(host, "premium").plugin(server);

        WireClient.Reply token = plugin.token();
        clock.advance(Duration.ofSeconds(3600 + 299));
        WireClient.Reply inGrace = plugin.ping(1);
        clock.advance(Duration.ofSeconds(2));
        WireClient.Reply expired = plugin.ping(1);

        assertThat(token.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(inGrace.status()).isEqualTo(200);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body())
                .isEqualTo("{\"error\":\"Missing, unknown or expired access token.\"}");
    }

    @Test
    void token_twentyFirstLiveToken_replacesTheOldest() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < TokenService.MAX_LIVE_TOKENS + 1; i++) {
            clock.advance(Duration.ofMillis(1));
            plugin.token();
            tokens.add(plugin.accessToken());
        }

        plugin.useAccessToken(tokens.get(0));
        WireClient.Reply oldest = plugin.licenseVerify();
        plugin.useAccessToken(tokens.get(1));
        WireClient.Reply second = plugin.licenseVerify();
        plugin.useAccessToken(tokens.get(TokenService.MAX_LIVE_TOKENS));
        WireClient.Reply newest = plugin.licenseVerify();

        assertThat(tokens).doesNotHaveDuplicates();
        assertThat(oldest.status()).isEqualTo(401);
        assertThat(second.status()).isEqualTo(200);
        assertThat(newest.status()).isEqualTo(200);
        long stored = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM plugin_access_tokens WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(Long.class).one());
        assertThat(stored).isEqualTo(TokenService.MAX_LIVE_TOKENS);
    }

    @Test
    void token_storedOnlyAsHash() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);

        plugin.token();

        String stored = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT token_hash FROM plugin_access_tokens WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(io.bulwark.crypto.Tokens.sha256Hex(plugin.accessToken()))
                .doesNotContain(plugin.accessToken());
    }
}
