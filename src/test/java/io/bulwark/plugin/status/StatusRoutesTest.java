package io.bulwark.plugin.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Licence, liveness and rules replies (protocol 17.4 to 17.10, 17.15), on both databases. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class StatusRoutesTest {
    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Status Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void licence_expiredPremiumPlan_countsAsFree() {
        HostedSite site = HostedSite.create(host, "premium");
        host.postJson("/hosting/user/" + site.userId() + "/edit",
                "{\"expires_at\":\"2020-01-31 10:00:00\"}");
        PluginClient plugin = site.plugin(server);
        plugin.token();

        WireClient.Reply licence = plugin.licenseVerify();

        assertThat(licence.body()).isEqualTo("{\"active\":true,\"free\":true,"
                + "\"expires_at\":\"2020-01-31 10:00:00\",\"class\":\"\",\"managed\":true,"
                + "\"managed_string\":\"Security for this site is managed by <strong>Status "
                + "Hosting</strong>.\",\"site_id\":" + site.siteId() + "}");
    }

    @Test
    void firewallState_latestReportWins_andPingIsRecorded() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);
        plugin.token();

        plugin.firewallStatus(1);
        plugin.firewallStatus(0);
        Map<String, Object> deactivated = liveness(site.siteId());
        plugin.ping(1);
        Map<String, Object> pinged = liveness(site.siteId());

        assertThat(deactivated.get("firewall_enabled").toString()).isIn("false", "0");
        assertThat(deactivated.get("last_ping_at")).isNull();
        assertThat(pinged.get("firewall_enabled").toString()).isIn("true", "1");
        assertThat(pinged.get("last_ping_at")).isNotNull();
    }

    @Test
    void pluginUrl_recordedWithoutChangingTheHostingUrl() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = new PluginClient(server.port(), "https://staging.example",
                site.apiId(), site.secret());
        plugin.token();

        WireClient.Reply reply = plugin.pluginUrl();

        assertThat(reply.body()).isEqualTo("{\"success\":true}");
        assertThat(liveness(site.siteId())).containsEntry("plugin_url", "https://staging.example")
                .containsEntry("source_host", "https://staging.example");
        assertThat(host.get("/hosting/site/" + site.siteId() + "/view").json().get("url")
                .asText()).isEqualTo(site.url());
    }

    @Test
    void rules_emptyPostsAndQueryStrings_answerTheFullShapes() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);
        plugin.token();

        WireClient.Reply legacy = plugin.sendBody("POST", "/api/get-rules/2?bypass=cache", null,
                new byte[0], true);
        WireClient.Reply rules = plugin.rules(List.of("webarx_basic_firewall"));
        WireClient.Reply badSettings = plugin.sendBody("POST", "/api/rules",
                "application/x-www-form-urlencoded",
                "settings=%7Bnope".getBytes(StandardCharsets.UTF_8), true);

        assertThat(legacy.body()).isEqualTo("{\"firewall\":[],\"whitelists\":[],"
                + "\"whitelist_keys\":{\"POST\":[],\"GET\":[]}}");
        assertThat(rules.body()).isEqualTo("{\"rules\":\"\"}");
        assertThat(badSettings.body()).isEqualTo("{\"rules\":\"\"}");
        String stored = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT settings FROM site_rule_settings WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(String.class).one());
        assertThat(stored).isEqualTo("[\"webarx_basic_firewall\"]");
    }

    @Test
    void unauthenticatedCalls_answerWithoutActing() {
        PluginClient anonymous = new PluginClient(server.port(), "http://anyone.example", 1,
                "x");

        WireClient.Reply probe = anonymous.probe();
        WireClient.Reply header = anonymous.header();
        WireClient.Reply secret = anonymous.send("POST", "/api/secret",
                Map.of("secret", "s3cr3t", "url", "http://anyone.example"), false);

        assertThat(probe.status()).isEqualTo(200);
        assertThat(probe.body()).isEqualTo("{}");
        assertThat(header.body()).isEqualTo("{}");
        assertThat(secret.body()).isEqualTo("{\"activated\":false}");
    }

    private static Map<String, Object> liveness(long siteId) {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT last_ping_at, firewall_enabled, plugin_url, source_host "
                        + "FROM sites WHERE id = :site")
                .bind("site", siteId).mapToMap().one());
    }
}
