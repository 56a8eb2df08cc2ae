package io.bulwark.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.HttpTestClient.Answer;
import io.bulwark.testing.PluginZipFixture;
import io.bulwark.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The provisioning flow of a host's script, end to end over HTTP, on both databases. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class HostingFlowTest {
    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Acme Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void provisioningFlow_fromUserAddToUserDelete_answersTheContractShapes() throws IOException {
        Answer added = host.postJson("/hosting/user/add", """
                {"name": " Ann Lee ", "company": "Lee Bakery", "email": "Ann@Example.com",
                 "password": "secret1", "password_confirmation": "secret1",
                 "newsletter": "0", "phone": "+31 20 123"}""");
        assertThat(added.status()).isEqualTo(200);
        long userId = added.json().get("id").asLong();
        assertThat(added.header("X-Request-Id")).hasSize(16);

        JsonNode found = host.postJson("/hosting/user/search", "{\"email\":\"ann@example.com\"}")
                .json();
        assertThat(fieldNames(found)).containsExactly("id", "name", "email", "created_at",
                "blocked_attacks", "expires_at", "class", "renew_freq");
        assertThat(found.get("id").asLong()).isEqualTo(userId);
        assertThat(found.get("name").asText()).isEqualTo("Ann Lee");
        assertThat(found.get("email").asText()).isEqualTo("Ann@Example.com");
        assertThat(found.get("created_at").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        assertThat(found.get("blocked_attacks").asLong()).isZero();
        assertThat(found.get("expires_at").isNull()).isTrue();
        assertThat(found.get("class").asText()).isEqualTo("premium");
        assertThat(found.get("renew_freq").asText()).isEqualTo("monthly");

        JsonNode userView = host.get("/hosting/user/" + userId + "/view").json();
        assertThat(fieldNames(userView)).containsExactly("user", "sites");
        assertThat(userView.get("user").get("addon_mr").asText()).isEqualTo("false");
        assertThat(userView.get("user").get("addon_wl").isTextual()).isTrue();
        assertThat(userView.get("sites").size()).isZero();

        Answer site = host.postForm("/hosting/site/add",
                "url=https%3A%2F%2Fwww.lee-bakery.example%2F&userid=" + userId + "&strict=true");
        assertThat(site.status()).isEqualTo(200);
        JsonNode siteJson = site.json();
        assertThat(fieldNames(siteJson)).containsExactly("success", "siteid", "api");
        long siteId = siteJson.get("siteid").asLong();
        long apiId = siteJson.get("api").get("id").asLong();
        String secret = siteJson.get("api").get("secret").asText();
        assertThat(apiId).isGreaterThanOrEqualTo(100001).isNotEqualTo(siteId);
        assertThat(secret).matches("[A-Za-z0-9]{40}");

        Answer again = host.postJson("/hosting/site/add", "{\"url\": \"http://lee-bakery.example\","
                + " \"userid\": " + userId + ", \"strict\": true}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().toString()).isEqualTo("{\"error\":\"The site "
                + "http://lee-bakery.example has already been added.\",\"code\":\"site_exists\"}");

        JsonNode search = host.postJson("/hosting/site/search",
                "{\"url\": \"https://www.lee-bakery.example/\"}").json();
        assertThat(search.isArray()).isTrue();
        assertThat(search.size()).isEqualTo(1);
        assertThat(search.get(0).get("siteid").asLong()).isEqualTo(siteId);
        assertThat(search.get(0).get("api").get("secret").asText()).isEqualTo(secret);

        JsonNode view = host.get("/hosting/site/" + siteId + "/view").json();
        assertThat(fieldNames(view)).startsWith("id", "url", "created_at", "user", "attacks",
                "api", "software", "has_vuln_plugin", "software_outdated",
                "software_vulnerable");
        assertThat(view.get("url").asText()).isEqualTo("https://www.lee-bakery.example/");
        assertThat(view.get("created_at").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(fieldNames(view.get("user"))).containsExactly("id", "name", "email",
                "created_at", "site_count", "blocked_attacks");
        assertThat(view.get("user").get("site_count").asLong()).isEqualTo(1);
        JsonNode attacks = view.get("attacks");
        assertThat(attacks.size()).isEqualTo(32);
        assertThat(attacks.get(31).get("dateday").asText())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
        assertThat(attacks.get(0).get("num").asLong()).isZero();
        assertThat(view.get("api").get("id").asLong()).isEqualTo(apiId);
        assertThat(view.get("software").size()).isZero();
        assertThat(view.get("has_vuln_plugin").asInt()).isZero();

        Answer noTemplate = host.get("/hosting/site/" + siteId + "/download");
        assertThat(noTemplate.status()).isEqualTo(422);
        assertThat(noTemplate.json().get("error").asText()).contains("bulwark plugin import");
        server.app().pluginZips().importZip(PluginZipFixture.zip());
        Answer download = host.get("/hosting/site/" + siteId + "/download");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/zip");
        assertThat(download.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"patchstack.zip\"");
        Map<String, String> entries = unzip(download.bytes());
        assertThat(entries).containsOnlyKeys("patchstack/", "patchstack/patchstack.php",
                "patchstack/readme.txt");
        assertThat(entries.get("patchstack/readme.txt")).isEqualTo(PluginZipFixture.README);
        String main = entries.get("patchstack/patchstack.php");
        assertThat(main).contains("const CLIENT_ID = '" + apiId + "';\r\n")
                .contains("const PRIVATE_KEY = '" + secret + "';\r\n")
                .contains("const API_URL = '" + server.baseUrl() + "';\r\n")
                .contains("const AUTH_URL = '" + server.baseUrl() + "';\r\n")
                .contains(" * Update URI: " + server.baseUrl() + "\r\n * Plugin Name:")
                .doesNotContain("PATCHSTACK_CLIENT_ID", "patchstack.com");

        JsonNode sso = host.post("/hosting/user/" + userId + "/sso", null, new byte[0]).json();
        assertThat(fieldNames(sso)).containsExactly("url", "expires_at");
        String url = sso.get("url").asText();
        assertThat(url).startsWith(server.baseUrl() + "/sso/");
        assertThat(sso.get("expires_at").asText())
                .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        HttpTestClient browser = server.client(null);
        String path = url.substring(server.baseUrl().length());
        assertThat(browser.get(path + "/mangled").status()).isEqualTo(404);
        Answer redeemed = browser.get(path);
        assertThat(redeemed.status()).isEqualTo(303);
        assertThat(redeemed.header("Location")).isEqualTo("/portal");
        assertThat(redeemed.header("Set-Cookie")).contains("HttpOnly").contains("SameSite=Lax");
        assertThat(redeemed.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(browser.get(path).status()).isEqualTo(410);

        assertThat(host.postJson("/hosting/site/" + siteId + "/delete", "").json()
                .get("success").asText()).isEqualTo("The site has been deleted.");
        assertThat(host.get("/hosting/site/" + siteId + "/view").status()).isEqualTo(404);
        assertThat(host.postJson("/hosting/site/search",
                "{\"url\": \"https://lee-bakery.example\"}").text()).isEqualTo("[]");
        assertThat(host.method("POST", "/hosting/user/" + userId + "/delete").status())
                .isEqualTo(200);
        assertThat(host.method("POST", "/hosting/user/" + userId + "/delete").status())
                .isEqualTo(404);
        assertThat(host.postJson("/hosting/user/search", "{\"email\":\"ann@example.com\"}")
                .status()).isEqualTo(404);
        String log = Files.readString(Path.of("target/test.log"));
        assertThat(log).contains(added.header("X-Request-Id"))
                .doesNotContain(secret, path.substring("/sso/".length()), "secret1",
                        server.hostTokenOf(host));
    }

    @Test
    void misprintedDeleteRoute_withoutSlash_deletesTheUser() {
        long userId = addUser("misprint@example.com");

        Answer deleted = host.method("POST", "/hosting/user" + userId + "/delete");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(host.get("/hosting/user/" + userId + "/view").status()).isEqualTo(404);
    }

    @Test
    void userDelete_withSites_removesSitesAndFreesTheEmail() {
        long userId = addUser("owner@example.com");
        host.postJson("/hosting/site/add", "{\"url\":\"https://owned.example\",\"userid\":"
                + userId + "}");

        host.method("POST", "/hosting/user/" + userId + "/delete");

        assertThat(host.postJson("/hosting/site/search", "{\"url\":\"https://owned.example\"}")
                .text()).isEqualTo("[]");
        assertThat(addUser("OWNER@example.com")).isGreaterThan(userId);
    }

    @Test
    void loginLink_issuedTwice_onlyTheNewestWorks() {
        long userId = addUser("twice@example.com");
        String first = host.method("POST", "/hosting/user/" + userId + "/sso").json()
                .get("url").asText();
        String second = host.method("POST", "/hosting/user/" + userId + "/sso").json()
                .get("url").asText();
        HttpTestClient browser = server.client(null);

        Answer old = browser.get(first.substring(server.baseUrl().length()));
        Answer fresh = browser.get(second.substring(server.baseUrl().length()));

        assertThat(old.status()).isEqualTo(410);
        assertThat(fresh.status()).isEqualTo(303);
    }

    @Test
    void siteEdit_toAnotherUrl_searchFindsTheNewUrlAndCredentialsStay() {
        long userId = addUser("editor@example.com");
        JsonNode site = host.postJson("/hosting/site/add", "{\"url\":\"https://before.example\","
                + "\"userid\":" + userId + "}").json();
        long siteId = site.get("siteid").asLong();

        Answer edited = host.postForm("/hosting/site/" + siteId + "/edit",
                "url=https://after.example/shop");

        assertThat(edited.json().get("success").asText()).isEqualTo("The site has been updated.");
        JsonNode found = host.postJson("/hosting/site/search",
                "{\"url\":\"http://www.after.example/shop/\"}").json();
        assertThat(found.get(0).get("api").toString()).isEqualTo(site.get("api").toString());
        assertThat(host.postJson("/hosting/site/search", "{\"url\":\"https://before.example\"}")
                .text()).isEqualTo("[]");
    }

    @Test
    void userEdit_withPasswordAndPlanFields_changesOnlyWhatIsSent() {
        long userId = addUser("plan@example.com");

        Answer edited = host.postJson("/hosting/user/" + userId + "/edit", """
                {"name": "New Name", "class": "free", "renew_freq": "annually",
                 "expires_at": "2030-01-31 12:00:00", "addon_mr": 1,
                 "password": "another1", "password_confirmation": "another1"}""");

        assertThat(edited.status()).isEqualTo(200);
        JsonNode user = host.get("/hosting/user/" + userId + "/view").json().get("user");
        assertThat(user.get("name").asText()).isEqualTo("New Name");
        assertThat(user.get("email").asText()).isEqualTo("plan@example.com");
        assertThat(user.get("class").asText()).isEqualTo("free");
        assertThat(user.get("renew_freq").asText()).isEqualTo("annually");
        assertThat(user.get("expires_at").asText()).isEqualTo("2030-01-31 12:00:00");
        assertThat(user.get("addon_mr").asText()).isEqualTo("true");
        assertThat(user.get("addon_wl").asText()).isEqualTo("false");
    }

    @Test
    void healthz_withLiveDatabase_answersOk() {
        Answer health = server.client(null).get("/healthz");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("ok");
    }

    private static long addUser(String email) {
        Answer added = host.postJson("/hosting/user/add", "{\"name\":\"Some One\",\"email\":\""
                + email + "\",\"password\":\"secret1\",\"password_confirmation\":\"secret1\","
                + "\"newsletter\":true}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        return added.json().get("id").asLong();
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
