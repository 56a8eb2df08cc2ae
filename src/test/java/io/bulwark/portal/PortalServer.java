package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.App;
import io.bulwark.config.ConfigLoader;
import io.bulwark.crypto.Passwords;
import io.bulwark.plugin.MutableClock;
import io.bulwark.providers.Plan;
import io.bulwark.testing.ErrorRecorder;
import io.bulwark.testing.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * A real Bulwark for the portal's tests on a free port, over a fresh {@link TestDatabase}; unlike
 * the shared {@code TestServer} it can show invented vulnerability records and run a second node
 * on the same database. Data arrives as in production: the provider through the CLI's service,
 * users, sites and login links through the Hosting API over HTTP. Closing fails the test if
 * anything was logged at ERROR.
 *
 * <p>{@link #attack}, {@link #software} and {@link #ping} write with plain SQL, so a test can
 * place records at exact times and set vulnerability states that nothing computes yet; the
 * same data through the real plugin API is covered by the test that uploads with the plugin's
 * own client ({@code PortalHttpTest.pluginUploads_appearInThePortal}).
 */
final class PortalServer implements AutoCloseable {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final TestDatabase database;
    private final MutableClock clock;
    private final VulnerabilityDetails vulnerabilities;
    private final int errorMark = ErrorRecorder.count();
    private final List<App> nodes = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private String hostToken;

    private PortalServer(TestDatabase database, MutableClock clock,
            VulnerabilityDetails vulnerabilities) {
        this.database = database;
        this.clock = clock;
        this.vulnerabilities = vulnerabilities;
    }

    /** Starts one node on a new database of {@code kind} ({@code sqlite} or {@code postgresql}). */
    static PortalServer start(String kind, MutableClock clock,
            VulnerabilityDetails vulnerabilities) {
        PortalServer server = new PortalServer(TestDatabase.create(kind), clock, vulnerabilities);
        server.startNode();
        return server;
    }

    /** Starts one more node on the same database, as a cluster would run; returns its URL. */
    String startNode() {
        return startNode(Map.of());
    }

    /** Starts one more node with some settings changed; returns the URL it listens on. */
    String startNode(Map<String, String> settings) {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Map<String, String> env = new HashMap<>(Map.of(
                "BULWARK_PORT", String.valueOf(port),
                "BULWARK_DB_URL", database.jdbcUrl(),
                "BULWARK_DATA_DIR", database.dataDir().toString(),
                "BULWARK_PUBLIC_URL", base,
                "BULWARK_SECRET_KEY", KEY));
        env.putAll(settings);
        App app = new App(ConfigLoader.load(env, Map.of()), clock, new SecureRandom(),
                new Passwords(1024, 1), vulnerabilities);
        nodes.add(app);
        app.start();
        bases.add(base);
        return base;
    }

    /** The first node's base URL. */
    String base() {
        return bases.get(0);
    }

    /** The first node's port. */
    int port() {
        return URI.create(base()).getPort();
    }

    MutableClock clock() {
        return clock;
    }

    Jdbi jdbi() {
        return nodes.get(0).database().jdbi();
    }

    /** Creates the provider "Example Hosting" on first use and returns its host token. */
    String hostToken() {
        if (hostToken == null) {
            hostToken = nodes.get(0).providers().create("Example Hosting", Plan.DEFAULT).token();
        }
        return hostToken;
    }

    /** {@code user/add}; returns the new user's id. */
    long addUser(String name, String email, String password) {
        return hosting("/hosting/user/add", Map.of("name", name, "email", email,
                "password", password, "password_confirmation", password, "newsletter", false))
                .get("id").asLong();
    }

    /** {@code site/add}; returns the new site's id. */
    long addSite(long userId, String url) {
        return addPluginSite(userId, url).siteId();
    }

    /** A site with the plugin credentials its downloaded zip would carry. */
    record PluginSite(long siteId, String url, long apiId, String secret) {
    }

    /** {@code site/add}; returns the site with its plugin credentials. */
    PluginSite addPluginSite(long userId, String url) {
        JsonNode added = hosting("/hosting/site/add", Map.of("url", url, "userid", userId));
        return new PluginSite(added.get("siteid").asLong(), url,
                added.get("api").get("id").asLong(), added.get("api").get("secret").asText());
    }

    /** {@code user/{id}/sso}; returns the login link. */
    String loginLink(long userId) {
        return hosting("/hosting/user/" + userId + "/sso", Map.of()).get("url").asText();
    }

    /** One blocked request, counted in its day's total as the plugin upload does. */
    void attack(long siteId, Instant at, String ip, String method, String uri, String fid) {
        String day = at.atZone(ZoneOffset.UTC).toLocalDate().toString();
        jdbi().useTransaction(handle -> {
            handle.createUpdate("INSERT INTO attacks (site_id, record_hash, copy_no, day, "
                            + "occurred_at, received_at, ip, fid, method, request_uri, "
                            + "user_agent, log_date, post_data, post_data_clipped) VALUES (:site, "
                            + ":hash, 1, :day, :at, :at, :ip, :fid, :method, :uri, 'curl/8.0', "
                            + "'', '', :clipped)")
                    .bind("site", siteId)
                    .bind("hash", Long.toHexString(new SecureRandom().nextLong()))
                    .bind("day", day)
                    .bind("at", at)
                    .bind("ip", ip)
                    .bind("fid", fid)
                    .bind("method", method)
                    .bind("uri", uri)
                    .bind("clipped", false)
                    .execute();
            handle.createUpdate("INSERT INTO attack_days (site_id, day, num) VALUES (:site, "
                            + ":day, 1) ON CONFLICT (site_id, day) DO UPDATE SET "
                            + "num = attack_days.num + 1")
                    .bind("site", siteId)
                    .bind("day", day)
                    .execute();
        });
    }

    /** One inventory row. */
    void software(long siteId, int position, String type, String name, String slug,
            String version, String versionNew, boolean active, String status) {
        jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO software_items (site_id, "
                        + "position, sw_type, name, file, slug, version, version_new, is_active, "
                        + "vulnerability_status) VALUES (:site, :position, :type, :name, NULL, "
                        + ":slug, :version, :versionNew, :active, :status)")
                .bind("site", siteId)
                .bind("position", position)
                .bind("type", type)
                .bind("name", name)
                .bind("slug", slug)
                .bind("version", version)
                .bind("versionNew", versionNew)
                .bind("active", active)
                .bind("status", status)
                .execute());
    }

    /** The plugin's heartbeat: liveness, its version and the firewall state. */
    void ping(long siteId, Instant at, String pluginVersion, boolean firewall) {
        jdbi().useHandle(handle -> handle.createUpdate("UPDATE sites SET last_ping_at = :at, "
                        + "last_seen_at = :at, plugin_version = :version, "
                        + "firewall_enabled = :firewall WHERE id = :site")
                .bind("site", siteId)
                .bind("at", at)
                .bind("version", pluginVersion)
                .bind("firewall", firewall)
                .execute());
    }

    @Override
    public void close() {
        nodes.forEach(App::close);
        assertThat(ErrorRecorder.since(errorMark)).as("lines logged at ERROR").isEmpty();
    }

    private JsonNode hosting(String path, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base() + path))
                    .header("HostToken", hostToken())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build();
            HttpResponse<String> response = http.send(request,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s answered %s", path, response.body())
                    .isEqualTo(200);
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Hosting API call " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted during " + path, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("No free port", e);
        }
    }
}
