package io.bulwark.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plugin's life on a site, over real HTTP as WordPress sends it: activation (§6.2, in the
 * order of §16.6), then cron uploads (§6.1); the Hosting API's site view then shows exactly
 * what was uploaded.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class PluginFlowTest {
    private static final DateTimeFormatter LOG_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> SETTINGS = List.of("webarx_prevent_default_file_access",
            "webarx_basic_firewall", "webarx_block_debug_log_access");

    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Acme <Hosting> & Co"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void activationThenCron_paidSite_viewShowsTheUploadsExactly() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);

        List<WireClient.Reply> activation = plugin.activatePaid(
                Inventories.standard(0, ""), Inventories.standard(1, ""), SETTINGS);

        assertThat(activation).extracting(WireClient.Reply::status).containsOnly(200);
        assertThat(activation.get(0).body()).isEqualTo("{}");
        JsonNode token = activation.get(1).json();
        assertThat(fieldNames(token)).containsExactly("token_type", "expires_in",
                "access_token");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").isInt()).isTrue();
        assertThat(token.get("expires_in").asInt()).isEqualTo(86400);
        assertThat(token.get("access_token").asText()).matches("[A-Za-z0-9_-]{43}");
        assertThat(activation.get(2).body()).isEqualTo("{\"active\":true,\"free\":false,"
                + "\"expires_at\":\"2099-12-31 23:59:59\",\"class\":\"premium\","
                + "\"managed\":true,\"managed_string\":\"Security for this site is managed by "
                + "<strong>Acme &lt;Hosting&gt; &amp; Co</strong>.\",\"site_id\":"
                + site.siteId() + "}");
        assertThat(activation.get(3).body()).isEqualTo("{}");
        assertThat(activation.get(4).body()).isEqualTo("{\"success\":true,\"vulnerable\":[]}");
        assertThat(activation.get(5).body()).isEqualTo("{\"rules\":\"\"}");
        assertThat(activation.get(6).json().toString()).isEqualTo("{\"firewall\":[],"
                + "\"whitelists\":[],\"whitelist_keys\":{\"POST\":[],\"GET\":[]}}");
        assertThat(activation.get(8).body()).isEqualTo("{\"success\":true}");
        assertThat(activation.get(9).body()).isEqualTo("{\"success\":true}");
        assertThat(activation.get(10).body()).isEqualTo("{\"success\":true}");
        assertThat(activation.get(1).headers().get("content-type"))
                .startsWith("application/json");

        String now = LocalDateTime.now(ZoneOffset.UTC).format(LOG_DATE);
        String yesterday = LocalDateTime.now(ZoneOffset.UTC).minusDays(1).format(LOG_DATE);
        Map<String, Object> sqlInjection = Inventories.blocked("203.0.113.7", "551300",
                "/?pid=1%20OR%201=1", "GET", now, "[]");
        List<Map<String, Object>> logs = List.of(sqlInjection, sqlInjection,
                Inventories.blocked("198.51.100.4", "103", "/wp-config.php.bak", "GET",
                        yesterday, ""),
                Inventories.blocked("203.0.113.8", "551300", "/?pid=2x", "POST", now,
                        "{\"post\":{\"pid\":\"abc\"},\"raw\":[\"pid=abc\"]}"));
        assertThat(plugin.ping(1).body()).isEqualTo("{\"success\":true}");
        assertThat(plugin.firewallLogs(logs).body()).isEqualTo("{\"success\":true}");
        assertThat(plugin.activityLogs(List.of(Inventories.activity("2", "activated", now)))
                .body()).isEqualTo("{\"success\":true}");
        assertThat(plugin.getRules().status()).isEqualTo(200);
        assertThat(plugin.software(Inventories.standard(1, "5.3.3")).body())
                .isEqualTo("{\"success\":true,\"vulnerable\":[]}");
        assertThat(plugin.licenseVerify().status()).isEqualTo(200);
        assertThat(plugin.header().status()).isEqualTo(200);
        assertThat(plugin.rules(SETTINGS).status()).isEqualTo(200);
        assertThat(plugin.htaccessRules().body()).isEqualTo("{\"rules\":\"\"}");

        JsonNode view = host.get("/hosting/site/" + site.siteId() + "/view").json();
        assertThat(view.get("software").toString()).isEqualTo("["
                + software("PHP", "php", "8.2.36", null, null, true) + ","
                + software("Akismet Anti-Spam", "plugin", "5.0.2", "5.3.3", "akismet", true) + ","
                + software("Hello Dolly", "plugin", "1.7.2", null, "hello.php", false) + ","
                + software("Patchstack Security", "plugin", "2.3.2", null, "patchstack", true)
                + "," + software("Twenty Twenty-Three", "theme", "1.0", null,
                        "twentytwentythree", true)
                + "," + software("WordPress", "wordpress", "6.1.9", "6.7.1", null, true) + "]");
        assertThat(view.get("software_outdated").asLong()).isEqualTo(2);
        assertThat(view.get("software_vulnerable").asLong()).isZero();
        JsonNode attacks = view.get("attacks");
        assertThat(attacks.get(31).get("num").asLong()).isEqualTo(3);
        assertThat(attacks.get(30).get("num").asLong()).isEqualTo(1);
        assertThat(attacks.get(30).get("dateday").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        assertThat(view.get("user").get("blocked_attacks").asLong()).isEqualTo(4);
    }

    @Test
    void activation_overHttp10_answersEveryCallWith200() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = new PluginClient(server.port(), site.url(), site.apiId(),
                site.secret(), "HTTP/1.0");

        List<WireClient.Reply> activation = plugin.activatePaid(
                Inventories.standard(0, ""), Inventories.standard(1, ""), SETTINGS);
        WireClient.Reply logs = plugin.firewallLogs(List.of(Inventories.blocked("192.0.2.1",
                "551300", "/?x=1", "GET", "2026-01-01 00:00:00", "[]")));

        assertThat(activation).extracting(WireClient.Reply::status).containsOnly(200);
        assertThat(activation).extracting(WireClient.Reply::protocol).containsOnly("HTTP/1.1");
        assertThat(logs.body()).isEqualTo("{\"success\":true}");
        assertThat(host.get("/hosting/site/" + site.siteId() + "/view").json().get("software")
                .size()).isEqualTo(6);
    }

    @Test
    void activation_freeSite_licenceSaysFreeWithEmptyClass() {
        HostedSite site = HostedSite.create(host, "free");
        PluginClient plugin = site.plugin(server);

        WireClient.Reply probe = plugin.probe();
        WireClient.Reply token = plugin.token();
        WireClient.Reply licence = plugin.licenseVerify();
        WireClient.Reply software = plugin.software(Inventories.standard(1, ""));
        WireClient.Reply url = plugin.pluginUrl();
        WireClient.Reply ping = plugin.ping(1);

        assertThat(List.of(probe, token, licence, software, url, ping))
                .extracting(WireClient.Reply::status).containsOnly(200);
        assertThat(licence.json().get("free").asBoolean()).isTrue();
        assertThat(licence.json().get("class").asText()).isEmpty();
        assertThat(licence.json().get("expires_at").asText()).isEqualTo("2099-12-31 23:59:59");
    }

    private static String software(String name, String type, String version, String versionNew,
            String slug, boolean active) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"version\":\"" + version
                + "\",\"version_new\":" + quoted(versionNew) + ",\"slug\":" + quoted(slug)
                + ",\"is_active\":" + active + ",\"is_outdated\":" + (versionNew != null)
                + ",\"is_vulnerable\":false,\"vulnerability_status\":\"unknown\"}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
