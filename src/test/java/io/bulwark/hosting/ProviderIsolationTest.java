package io.bulwark.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.HttpTestClient.Answer;
import io.bulwark.testing.PluginZipFixture;
import io.bulwark.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A second provider's token sees nothing of the first provider's objects: 403 for objects
 * that exist, 404 from the searches, and the objects stay as they were. One test per route.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class ProviderIsolationTest {
    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient owner;
    private static HttpTestClient intruder;
    private long userId;
    private long siteId;
    private String ownerViewBefore;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        owner = server.client(server.newProvider("Owner Hosting"));
        intruder = server.client(server.newProvider("Other Hosting"));
        server.app().pluginZips().importZip(PluginZipFixture.zip());
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @BeforeEach
    void createObjects() {
        userId = owner.postJson("/hosting/user/add", "{\"name\":\"Owned\",\"email\":"
                + "\"owned@example.com\",\"password\":\"secret1\",\"password_confirmation\":"
                + "\"secret1\",\"newsletter\":1}").json().get("id").asLong();
        siteId = owner.postJson("/hosting/site/add", "{\"url\":\"https://owned.example\","
                + "\"userid\":" + userId + "}").json().get("siteid").asLong();
        ownerViewBefore = ownerView();
    }

    @AfterEach
    void objectsAreUnchanged() {
        assertThat(ownerView()).isEqualTo(ownerViewBefore);
        owner.method("POST", "/hosting/user/" + userId + "/delete");
    }

    @Test
    void userSearch_otherProvidersUser_answers404() {
        Answer answer = intruder.postJson("/hosting/user/search",
                "{\"email\":\"owned@example.com\"}");

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void userEdit_otherProvidersUser_answers403() {
        assertForbidden(intruder.postJson("/hosting/user/" + userId + "/edit",
                "{\"name\":\"Stolen\"}"), "user");
    }

    @Test
    void userDelete_otherProvidersUser_answers403() {
        assertForbidden(intruder.method("POST", "/hosting/user/" + userId + "/delete"), "user");
    }

    @Test
    void userDeleteMisprint_otherProvidersUser_answers403() {
        assertForbidden(intruder.method("POST", "/hosting/user" + userId + "/delete"), "user");
    }

    @Test
    void userSso_otherProvidersUser_answers403() {
        assertForbidden(intruder.method("POST", "/hosting/user/" + userId + "/sso"), "user");
    }

    @Test
    void userView_otherProvidersUser_answers403() {
        assertForbidden(intruder.get("/hosting/user/" + userId + "/view"), "user");
    }

    @Test
    void siteAdd_forOtherProvidersUser_answers403() {
        assertForbidden(intruder.postJson("/hosting/site/add",
                "{\"url\":\"https://intruder.example\",\"userid\":" + userId + "}"), "user");
    }

    @Test
    void siteSearch_otherProvidersUrl_answersEmptyArray() {
        Answer answer = intruder.postJson("/hosting/site/search",
                "{\"url\":\"https://owned.example\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).isEqualTo("[]");
    }

    @Test
    void siteEdit_otherProvidersSite_answers403() {
        assertForbidden(intruder.postJson("/hosting/site/" + siteId + "/edit",
                "{\"url\":\"https://moved.example\"}"), "site");
    }

    @Test
    void siteDelete_otherProvidersSite_answers403() {
        assertForbidden(intruder.method("POST", "/hosting/site/" + siteId + "/delete"), "site");
    }

    @Test
    void siteDownload_otherProvidersSite_answers403() {
        assertForbidden(intruder.get("/hosting/site/" + siteId + "/download"), "site");
    }

    @Test
    void siteView_otherProvidersSite_answers403() {
        assertForbidden(intruder.get("/hosting/site/" + siteId + "/view"), "site");
    }

    @Test
    void strictSiteAdd_urlOfOtherProvider_answersDuplicateWithoutSayingWhose() {
        long ownUser = intruder.postJson("/hosting/user/add", "{\"name\":\"Mine\",\"email\":"
                + "\"mine@example.com\",\"password\":\"secret1\",\"password_confirmation\":"
                + "\"secret1\",\"newsletter\":1}").json().get("id").asLong();

        JsonNode strict = intruder.postJson("/hosting/site/add", "{\"url\":\"http://owned.example"
                + "\",\"userid\":" + ownUser + ",\"strict\":true}").json();
        JsonNode lax = intruder.postJson("/hosting/site/add", "{\"url\":\"http://owned.example\","
                + "\"userid\":" + ownUser + "}").json();

        assertThat(strict.toString()).isEqualTo("{\"error\":\"The site http://owned.example has "
                + "already been added.\",\"code\":\"site_exists\"}");
        assertThat(lax.has("siteid")).isTrue();
        intruder.method("POST", "/hosting/user/" + ownUser + "/delete");
    }

    private void assertForbidden(Answer answer, String noun) {
        long id = noun.equals("user") ? userId : siteId;
        assertThat(answer.status()).as(answer.text()).isEqualTo(403);
        assertThat(answer.json().get("error").asText())
                .isEqualTo("The " + noun + " " + id + " belongs to another hosting provider.");
    }

    private String ownerView() {
        return owner.get("/hosting/user/" + userId + "/view").text()
                + owner.get("/hosting/site/" + siteId + "/view").text();
    }
}
