package io.bulwark.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the recorded traffic of the real plugin (shared/data/plugin-traces) request by
 * request, with the substitutions the traces' README lists, and checks every point of
 * plugin protocol §16 that the server side can see.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class TraceReplayTest {
    private static final Path TRACES = Path.of("..", "shared", "data", "plugin-traces");
    private static final String TRACE_SITE = "http://127.0.0.1:8081";
    private static final String TRACE_SERVER = "127.0.0.1:8099";
    private static final Pattern LOG_DATE =
            Pattern.compile("\"log_date\":\"(\\d{4}-\\d\\d-\\d\\d)");
    private static final List<String> TYPE_ORDER = List.of("php", "plugin", "theme", "wordpress");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Trace Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void paidTrace_replayed_everyReply200AndViewMatchesTheLastUploads() throws IOException {
        HostedSite site = HostedSite.create(host, "premium");
        List<JsonNode> trace = read("paid-site.jsonl");

        List<WireClient.Reply> replies = replay(trace, site);

        assertHonoursSection16(trace, replies);
        JsonNode view = host.get("/hosting/site/" + site.siteId() + "/view").json();
        assertThat(view.get("software")).isEqualTo(expectedSoftware(trace));
        long blocked = blockedRecords(trace).size();
        assertThat(blocked).isEqualTo(3);
        assertThat(view.get("attacks").get(31).get("num").asLong()).isEqualTo(blocked);
        assertThat(view.get("user").get("blocked_attacks").asLong()).isEqualTo(blocked);
        List<String> storedPostData = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT post_data FROM attacks WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(String.class).list());
        assertThat(storedPostData).containsExactlyInAnyOrderElementsOf(blockedRecords(trace)
                .stream().map(record -> record.get("post_data").asText()).toList());
        assertThat(storedPostData).contains("", "[]");
        long activity = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM activity_records WHERE site_id = :site")
                .bind("site", site.siteId()).mapTo(Long.class).one());
        assertThat(activity).isEqualTo(2);
    }

    @Test
    void freeTrace_replayed_everyReply200AndLicenceSaysFree() throws IOException {
        HostedSite site = HostedSite.create(host, "free");
        List<JsonNode> trace = read("free-site.jsonl");

        List<WireClient.Reply> replies = replay(trace, site);

        assertHonoursSection16(trace, replies);
        for (int i = 0; i < trace.size(); i++) {
            if (trace.get(i).get("path").asText().equals("/api/license/verify")) {
                assertThat(replies.get(i).json().get("free").asBoolean()).isTrue();
                assertThat(replies.get(i).json().get("class").asText()).isEmpty();
            }
        }
        JsonNode view = host.get("/hosting/site/" + site.siteId() + "/view").json();
        assertThat(view.get("software")).isEqualTo(expectedSoftware(trace));
        assertThat(view.get("user").get("blocked_attacks").asLong()).isZero();
        Map<String, Object> liveness = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT last_ping_at, last_seen_at, source_host, firewall_enabled, "
                        + "plugin_url, plugin_version FROM sites WHERE id = :site")
                .bind("site", site.siteId()).mapToMap().one());
        assertThat(liveness.get("last_ping_at")).isNotNull();
        assertThat(liveness.get("last_seen_at")).isNotNull();
        assertThat(liveness.get("source_host")).isEqualTo(site.url());
        assertThat(liveness.get("plugin_url")).isEqualTo(site.url());
        assertThat(liveness.get("plugin_version")).isEqualTo("2.3.2");
    }

    /** §16: 1 (close per request), 2 (gzip-capable client), 8 (integer lifetime), 10. */
    private static void assertHonoursSection16(List<JsonNode> trace,
            List<WireClient.Reply> replies) {
        assertThat(replies).extracting(WireClient.Reply::status).containsOnly(200);
        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.headers().get("content-type")).startsWith("application/json");
            assertThat(reply.headers().get("connection")).isEqualTo("close");
            assertThat(reply.body()).doesNotContain("\"cancel\"").doesNotContain("\"errors\"");
        });
        for (int i = 0; i < trace.size(); i++) {
            String path = trace.get(i).get("path").asText();
            JsonNode reply = replies.get(i).json();
            if (path.equals("/oauth/token")) {
                assertThat(reply.get("expires_in").isInt()).isTrue();
            } else if (path.equals("/api/license/verify")) {
                assertThat(reply.get("class").isTextual()).isTrue();
                assertThat(reply.get("managed_string").isTextual()).isTrue();
            } else if (path.equals("/api/sw/json")) {
                assertThat(reply.get("success").asBoolean()).isTrue();
                assertThat(reply.get("vulnerable").isArray()).isTrue();
            } else if (path.startsWith("/api/get-rules/")) {
                assertThat(reply.has("firewall") && reply.has("whitelists")
                        && reply.has("whitelist_keys")).isTrue();
            }
        }
    }

    private static List<WireClient.Reply> replay(List<JsonNode> trace, HostedSite site) {
        WireClient wire = new WireClient(server.port());
        String accessToken = null;
        long shiftDays = ChronoUnit.DAYS.between(LocalDate.parse(trace.get(0).get("time_iso")
                .asText().substring(0, 10)), LocalDate.now(ZoneOffset.UTC));
        List<WireClient.Reply> replies = new ArrayList<>();
        for (JsonNode request : trace) {
            byte[] body = body(request, site, shiftDays);
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (JsonNode pair : request.get("headers")) {
                String name = pair.get(0).asText();
                String value = pair.get(1).asText();
                value = switch (name) {
                    case "Host" -> "127.0.0.1:" + server.port();
                    case "LicenseID" -> Long.toString(site.apiId());
                    case "Content-Length" -> Integer.toString(body.length);
                    case "Authorization" -> value.replace("<ACCESS_TOKEN>", accessToken);
                    default -> value.replace(TRACE_SITE, site.url())
                            .replace(TRACE_SERVER, "127.0.0.1:" + server.port());
                };
                headers.add(Map.entry(name, value));
            }
            WireClient.Reply reply = wire.send(request.get("request_line").asText(), headers,
                    body);
            if (request.get("path").asText().equals("/oauth/token") && reply.status() == 200) {
                accessToken = reply.json().get("access_token").asText();
            }
            replies.add(reply);
        }
        return replies;
    }

    /** The form body rebuilt from its decoded pairs, substituted, encoded like PHP again. */
    private static byte[] body(JsonNode request, HostedSite site, long shiftDays) {
        if (!request.has("form")) {
            return request.get("body").asText().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> original = new LinkedHashMap<>();
        Map<String, String> form = new LinkedHashMap<>();
        for (JsonNode pair : request.get("form")) {
            String name = pair.get(0).asText();
            String value = pair.get(1).asText();
            original.put(name, value);
            form.put(name, substitute(name, value, site, shiftDays));
        }
        String recorded = request.get("body").asText();
        if (!recorded.contains("<")) {
            // The recording put placeholders in unencoded; every other body must re-encode to
            // the recorded bytes, which shows the replay sends what the plugin sent.
            assertThat(PhpEncoding.query(original)).isEqualTo(recorded);
        }
        return PhpEncoding.query(form).getBytes(StandardCharsets.UTF_8);
    }

    private static String substitute(String name, String value, HostedSite site,
            long shiftDays) {
        if (name.equals("client_id")) {
            return Long.toString(site.apiId());
        }
        if (name.equals("logs")) {
            Matcher dates = LOG_DATE.matcher(value);
            StringBuilder moved = new StringBuilder();
            while (dates.find()) {
                String day = LocalDate.parse(dates.group(1)).plusDays(shiftDays).toString();
                dates.appendReplacement(moved, "\"log_date\":\"" + day);
            }
            return dates.appendTail(moved).toString();
        }
        return value.replace("<CLIENT_SECRET>", site.secret())
                .replaceAll("<OTT_TOKEN_\\d+>", "0123456789abcdef0123456789abcdef")
                .replace(TRACE_SITE, site.url());
    }

    /** What decision 16 makes of the trace's last software list, derived independently. */
    private static JsonNode expectedSoftware(List<JsonNode> trace) throws IOException {
        JsonNode last = null;
        for (JsonNode request : trace) {
            if (request.get("path").asText().equals("/api/sw/json")) {
                last = JSON.readTree(formValue(request, "software"));
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : last) {
            String type = item.get("sw_type").asText();
            if (type.equals("database")) {
                continue;
            }
            String key = item.path("sw_key").asText(null);
            String newVersion = item.get("sw_new_ver").asText();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", item.get("sw_name").asText());
            row.put("type", type);
            row.put("version", item.get("sw_cur_ver").asText());
            row.put("version_new", newVersion.isEmpty() ? null : newVersion);
            row.put("slug", type.equals("plugin") ? key.split("/")[0]
                    : type.equals("theme") ? key : null);
            row.put("is_active", !type.equals("plugin") || item.get("sw_active").asInt() == 1);
            row.put("is_outdated", !newVersion.isEmpty());
            row.put("is_vulnerable", false);
            row.put("vulnerability_status", "unknown");
            rows.add(row);
        }
        rows.sort(Comparator.comparingInt((Map<String, Object> row) ->
                        TYPE_ORDER.indexOf((String) row.get("type")))
                .thenComparing(row -> (String) row.get("name"), String.CASE_INSENSITIVE_ORDER));
        return JSON.valueToTree(rows);
    }

    private static List<JsonNode> blockedRecords(List<JsonNode> trace) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode request : trace) {
            if (request.get("path").asText().equals("/api/logs/log")) {
                JSON.readTree(formValue(request, "logs")).forEach(records::add);
            }
        }
        return records;
    }

    private static String formValue(JsonNode request, String name) {
        for (JsonNode pair : request.get("form")) {
            if (pair.get(0).asText().equals(name)) {
                return pair.get(1).asText();
            }
        }
        throw new AssertionError("No field " + name + " in request " + request.get("seq"));
    }

    private static List<JsonNode> read(String file) throws IOException {
        List<JsonNode> requests = new ArrayList<>();
        for (String line : Files.readAllLines(TRACES.resolve(file))) {
            if (!line.isBlank()) {
                requests.add(JSON.readTree(line));
            }
        }
        return requests;
    }
}
