package io.bulwark.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on every upload path of the plugin API: each gets a clear 4xx (or the
 * {@code errors} reply where protocol §17 says so) and stores nothing; none is a 500 (the test
 * server fails on any ERROR line).
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class PluginBadInputTest {
    private static final String FORM = "application/x-www-form-urlencoded";
    /** The standard list: six items shown in the view plus the database row. */
    private static final long STORED_ITEMS = 7;

    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;
    private HostedSite site;
    private PluginClient plugin;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Bad Input Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @BeforeEach
    void activate() {
        site = HostedSite.create(host, "premium");
        plugin = site.plugin(server);
        assertThat(plugin.token().status()).isEqualTo(200);
        assertThat(plugin.software(Inventories.standard(1, "")).status()).isEqualTo(200);
    }

    @Test
    void software_unusableField_answers422AndKeepsTheStoredList() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("is_multisite=0", "The software field is required.");
        cases.put("software=0", notAList());
        cases.put("software=%7B%22sw_type%22", notAList());
        cases.put("software=%7B%7D", notAList());
        cases.put("software=%22text%22", notAList());
        cases.put("software=%5B1%5D", "The software item 0 must be a JSON object.");
        cases.put("software=" + PhpEncoding.escape("[{\"sw_type\":\"plugin\",\"sw_name\":"
                + "[\"x\"],\"sw_cur_ver\":\"1\",\"sw_key\":\"x/x.php\"}]"),
                "The sw_name of software item 0 must be a string.");
        cases.put("software=" + PhpEncoding.escape("[{\"sw_type\":\"plugin\",\"sw_name\":\"X\","
                + "\"sw_cur_ver\":\"1\"}]"), "The software item 0 has no sw_key.");
        cases.put("software=" + PhpEncoding.escape("[{\"sw_type\":\"theme\",\"sw_name\":\"X\","
                + "\"sw_key\":\"x\"}]"), "The software item 0 has no sw_cur_ver.");
        cases.put("software=" + PhpEncoding.escape("[{\"sw_type\":\"plugin\",\"sw_name\":\"X\","
                + "\"sw_cur_ver\":\"1\",\"sw_key\":\"x/x.php\",\"sw_active\":\"yes\"}]"),
                "The sw_active of software item 0 must be 0 or 1.");
        cases.put("software=" + PhpEncoding.escape(manyItems(5001)),
                "The software list must not have more than 5000 items; it has 5001.");

        cases.forEach((body, message) -> {
            WireClient.Reply reply = plugin.sendBody("POST", "/api/sw/json", FORM,
                    body.getBytes(StandardCharsets.UTF_8), true);

            assertThat(reply.status()).as(body).isEqualTo(422);
            assertThat(reply.body()).as(body).isEqualTo(error(message));
        });
        assertThat(softwareCount()).isEqualTo(STORED_ITEMS);
    }

    @Test
    void software_unknownType_isSkippedAndTheRestStored() {
        List<Map<String, Object>> list = new ArrayList<>(Inventories.standard(1, ""));
        list.add(Inventories.core("javascript", "React", "18", ""));

        WireClient.Reply reply = plugin.software(list);

        assertThat(reply.body()).isEqualTo("{\"success\":true,\"vulnerable\":[]}");
        assertThat(softwareCount()).isEqualTo(STORED_ITEMS);
    }

    @Test
    void bodies_malformedTooLargeOrOfAnotherType_answer400To415() {
        WireClient.Reply malformed = plugin.sendBody("POST", "/api/sw/json", FORM,
                "software=%E0%A4%A".getBytes(StandardCharsets.UTF_8), true);
        WireClient.Reply otherType = plugin.sendBody("POST", "/api/sw/json", "text/plain",
                "software=[]".getBytes(StandardCharsets.UTF_8), true);
        byte[] big = new byte[4 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        WireClient.Reply tooLarge = plugin.sendBody("POST", "/api/sw/json", FORM, big, true);
        WireClient.Reply badJsonBody = plugin.sendBody("POST", "/api/ping", "application/json",
                "{\"firewall\":".getBytes(StandardCharsets.UTF_8), true);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText())
                .startsWith("The form body is malformed: ");
        assertThat(otherType.status()).isEqualTo(415);
        assertThat(otherType.body()).isEqualTo(error("Send the body as application/json or "
                + "application/x-www-form-urlencoded, not text/plain."));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).isEqualTo(error("The request body is larger than 4096 KiB."));
        assertThat(badJsonBody.status()).isEqualTo(400);
        assertThat(softwareCount()).isEqualTo(STORED_ITEMS);
    }

    @Test
    void logs_unusableField_answers4xxAndStoresNothing() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("type=firewall", "422 The logs field is required.");
        cases.put("logs=0&type=firewall", "422 " + notLogs());
        cases.put("logs=%5B%7B&type=firewall", "422 " + notLogs());
        cases.put("logs=%7B%22ip%22%3A%221%22%7D&type=firewall", "422 " + notLogs());
        cases.put("logs=" + PhpEncoding.escape(manyRecords(10_001)) + "&type=firewall",
                "413 The logs field must not hold more than 10000 records; it holds 10001.");

        cases.forEach((body, expected) -> {
            for (String path : List.of("/api/logs/log", "/api/activity/log")) {
                WireClient.Reply reply = plugin.sendBody("POST", path, FORM,
                        body.getBytes(StandardCharsets.UTF_8), true);

                assertThat(reply.status() + " " + reply.json().get("error").asText())
                        .as(path + " " + body.substring(0, Math.min(60, body.length())))
                        .isEqualTo(expected);
            }
        });
        assertThat(count("attacks")).isZero();
        assertThat(count("attack_days")).isZero();
        assertThat(count("activity_records")).isZero();
    }

    @Test
    void upload_withExpectContinue_isAccepted() {
        byte[] body = ("logs=" + PhpEncoding.escape(PhpEncoding.json(List.of(
                Inventories.blocked("192.0.2.1", "551300", "/", "GET", "2026-01-01 00:00:00",
                        "")))) + "&type=firewall").getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = List.of(
                Map.entry("Host", "127.0.0.1:" + server.port()),
                Map.entry("Authorization", "Bearer " + plugin.accessToken()),
                Map.entry("LicenseID", Long.toString(site.apiId())),
                Map.entry("Expect", "100-continue"),
                Map.entry("Connection", "close"),
                Map.entry("Content-Length", Integer.toString(body.length)),
                Map.entry("Content-Type", FORM));

        WireClient.Reply reply = new WireClient(server.port()).send(
                "POST /api/logs/log HTTP/1.1", headers, body);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"success\":true}");
        assertThat(count("attacks")).isEqualTo(1);
    }

    @Test
    void logs_bodyOver16MiB_answers413() {
        byte[] big = new byte[16 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');

        WireClient.Reply reply = plugin.sendBody("POST", "/api/logs/log", FORM, big, true);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(count("attacks")).isZero();
    }

    @Test
    void logs_oddOrEmptyRecords_areCoercedOrSkippedNeverFailingTheBatch() {
        String logs = "[7, null, \"text\", {\"ip\": \"203.0.113.9, 10.0.0.1\", \"fid\": \"-5\","
                + " \"request_uri\": 42, \"user_agent\": [\"a\"], \"method\": \"GET\","
                + " \"log_date\": \"yesterday\", \"post_data\": {\"post\": {\"a\": \"\\u0000b\"}}},"
                + " {\"fid\": 551300}, {}, {\"zzz\": 1}, {\"ip\": null, \"fid\": \"\"}]";

        WireClient.Reply reply = plugin.sendBody("POST", "/api/logs/log", FORM,
                ("logs=" + PhpEncoding.escape(logs) + "&type=firewall")
                        .getBytes(StandardCharsets.UTF_8), true);

        assertThat(reply.body()).isEqualTo("{\"success\":true}");
        List<Map<String, Object>> rows = server.app().database().jdbi().withHandle(handle ->
                handle.createQuery("SELECT ip, fid, request_uri, user_agent, method, post_data "
                        + "FROM attacks WHERE site_id = :site ORDER BY fid")
                        .bind("site", site.siteId()).mapToMap().list());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("ip", "203.0.113.9").containsEntry("fid", "0")
                .containsEntry("request_uri", "42").containsEntry("user_agent", "[\"a\"]")
                .containsEntry("post_data", "{\"post\":{\"a\":\"\\u0000b\"}}");
        assertThat(rows.get(1)).containsEntry("ip", "").containsEntry("fid", "551300");
    }

    @Test
    void tokens_missingUnknownOrForeign_answer401Or403AndStoreNothing() {
        HostedSite other = HostedSite.create(host, "premium");
        PluginClient otherPlugin = other.plugin(server);
        otherPlugin.token();
        PluginClient noToken = site.plugin(server);
        PluginClient unknownToken = site.plugin(server);
        unknownToken.useAccessToken("x".repeat(43));
        PluginClient foreign = site.plugin(server);
        foreign.useAccessToken(otherPlugin.accessToken());

        WireClient.Reply missing = noToken.software(List.of());
        WireClient.Reply unknown = unknownToken.software(List.of());
        WireClient.Reply crossed = foreign.software(List.of());
        WireClient.Reply crossedLogs = foreign.firewallLogs(List.of(Inventories.blocked("1.2.3.4",
                "551300", "/", "GET", "2026-01-01 00:00:00", "")));

        String unauthorized = error("Missing, unknown or expired access token.");
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.body()).isEqualTo(unauthorized);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.body()).isEqualTo(unauthorized);
        assertThat(crossed.status()).isEqualTo(403);
        assertThat(crossed.body()).isEqualTo(error("The LicenseID header names other plugin "
                + "credentials than the access token's."));
        assertThat(crossedLogs.status()).isEqualTo(200);
        assertThat(crossedLogs.body()).isEqualTo("{\"errors\":[\"The LicenseID header names "
                + "other plugin credentials than the access token's.\"]}");
        assertThat(softwareCount()).isEqualTo(STORED_ITEMS);
        assertThat(count("attacks")).isZero();
    }

    @Test
    void token_badRequests_answerOAuthErrors() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("client_id=" + site.apiId() + "&client_secret=" + site.secret(),
                "400 {\"error\":\"invalid_request\",\"message\":\"The grant_type, client_id and "
                        + "client_secret fields are required.\"}");
        cases.put("client_id=" + site.apiId() + "&client_secret=" + site.secret()
                + "&grant_type=password", "400 {\"error\":\"unsupported_grant_type\","
                + "\"message\":\"Only the client_credentials grant is supported.\"}");
        String invalidClient = "401 {\"error\":\"invalid_client\",\"message\":"
                + "\"Client authentication failed.\"}";
        cases.put("client_id=" + site.apiId() + "&client_secret=" + site.secret() + "x"
                + "&grant_type=client_credentials", invalidClient);
        cases.put("client_id=99999999&client_secret=" + site.secret()
                + "&grant_type=client_credentials", invalidClient);
        cases.put("client_id=abc&client_secret=x&grant_type=client_credentials", invalidClient);
        cases.put("client_id[]=1&client_secret=x&grant_type=client_credentials",
                "400 {\"error\":\"invalid_request\",\"message\":\"The grant_type, client_id and "
                        + "client_secret fields are required.\"}");

        cases.put("client_id=%zz&client_secret=x&grant_type=client_credentials",
                "400 {\"error\":\"invalid_request\",\"message\":\"The form body is malformed: "
                        + "'%' must be followed by two hexadecimal digits.\"}");

        cases.forEach((body, expected) -> {
            WireClient.Reply reply = plugin.sendBody("POST", "/oauth/token", FORM,
                    body.getBytes(StandardCharsets.UTF_8), false);

            assertThat(reply.status() + " " + reply.body()).as(body).isEqualTo(expected);
        });
    }

    @Test
    void removedSite_anyCall_answers401WithCancel() {
        host.postJson("/hosting/site/" + site.siteId() + "/delete", "{}");

        WireClient.Reply ping = plugin.ping(1);
        WireClient.Reply token = plugin.token();

        assertThat(ping.status()).isEqualTo(401);
        assertThat(ping.body()).isEqualTo("{\"error\":\"This site was removed.\",\"cancel\":true}");
        assertThat(token.status()).isEqualTo(401);
        assertThat(token.json().get("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    void flags_wrongSpelling_answer422() {
        Map<String, String> ping = new LinkedHashMap<>();
        ping.put("firewall", "on");
        Map<String, String> status = new LinkedHashMap<>();
        status.put("is_multisite", "0");

        WireClient.Reply badPing = plugin.send("POST", "/api/ping", ping, true);
        WireClient.Reply noStatus = plugin.send("POST", "/api/firewall/update/status", status,
                true);
        WireClient.Reply noUrl = plugin.send("POST", "/api/plugin/update/url", status, true);

        assertThat(badPing.status()).isEqualTo(422);
        assertThat(badPing.body()).isEqualTo(error("The firewall field must be true or false."));
        assertThat(noStatus.status()).isEqualTo(422);
        assertThat(noStatus.body()).isEqualTo(error("The status field is required."));
        assertThat(noUrl.status()).isEqualTo(422);
        assertThat(noUrl.body()).isEqualTo(error("The plugin url field is required."));
    }

    private long softwareCount() {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM software_items WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(Long.class).one());
    }

    private long count(String table) {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM " + table + " WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(Long.class).one());
    }

    private static String manyItems(int count) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(Inventories.plugin("P" + i, "1.0", "", "p" + i + "/p.php", 1));
        }
        return PhpEncoding.json(items);
    }

    private static String manyRecords(int count) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Inventories.blocked("10.0.0.1", "551300", "/?i=" + i, "GET",
                    "2026-01-01 00:00:00", ""));
        }
        return PhpEncoding.json(records);
    }

    private static String notAList() {
        return "The software field must be a JSON array of software records.";
    }

    private static String notLogs() {
        return "The logs field must be a JSON array of log records.";
    }

    private static String error(String message) {
        return "{\"error\":\"" + message.replace("\"", "\\\"") + "\"}";
    }
}
