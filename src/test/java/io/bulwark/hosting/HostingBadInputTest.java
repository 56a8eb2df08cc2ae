package io.bulwark.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.HttpTestClient.Answer;
import io.bulwark.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input corpus: every Hosting API route, fed wrong types, missing fields, malformed and
 * oversized bodies, odd Unicode and injection strings, answers a 4xx JSON {@code error} naming
 * the problem and changes nothing. Never a 500.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class HostingBadInputTest {
    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;
    private static long userId;
    private static long siteId;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Acme Hosting"));
        userId = host.postJson("/hosting/user/add", "{\"name\":\"Kept\",\"email\":"
                + "\"kept@example.com\",\"password\":\"secret1\",\"password_confirmation\":"
                + "\"secret1\",\"newsletter\":1}").json().get("id").asLong();
        siteId = host.postJson("/hosting/site/add", "{\"url\":\"https://kept.example\","
                + "\"userid\":" + userId + "}").json().get("siteid").asLong();
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    private String before;

    @BeforeEach
    void snapshot() {
        before = state();
    }

    static Stream<Arguments> userAddCases() {
        String valid = "\"name\":\"N\",\"email\":\"n@example.com\",\"password\":\"secret1\","
                + "\"password_confirmation\":\"secret1\",\"newsletter\":true";
        return Stream.of(
                Arguments.of("{}", "The name field is required."),
                Arguments.of("{\"name\":\"   \"}", "The name field is required."),
                Arguments.of("{\"name\":42}", "The name must be a string."),
                Arguments.of("{\"name\":[\"a\"]}", "The name must be a string."),
                Arguments.of("{\"name\":\"" + "x".repeat(256) + "\"}",
                        "The name must not be greater than 255 characters."),
                Arguments.of("{\"name\":\"a\\u0000b\"}",
                        "The name contains control or invalid characters."),
                Arguments.of("{\"name\":\"a\\ud800b\"}",
                        "The name contains control or invalid characters."),
                Arguments.of("{\"name\":\"N\"}", "The email field is required."),
                Arguments.of("{\"name\":\"N\",\"email\":\"not-an-email\"}",
                        "The email must be a valid email address."),
                Arguments.of("{\"name\":\"N\",\"email\":\"a@b@c\"}",
                        "The email must be a valid email address."),
                Arguments.of("{\"name\":\"N\",\"email\":\"x' OR 1=1 --@example.com\"}",
                        "The email must be a valid email address."),
                Arguments.of("{\"name\":\"N\",\"email\":\"KEPT@example.com\","
                        + "\"password\":\"1\"}", "The email has already been taken."),
                Arguments.of("{\"name\":\"N\",\"email\":\"n@example.com\",\"password\":\"12345\"}",
                        "The password must be at least 6 characters."),
                Arguments.of("{\"name\":\"N\",\"email\":\"n@example.com\","
                        + "\"password\":\"secret1\"}",
                        "The password confirmation field is required."),
                Arguments.of("{\"name\":\"N\",\"email\":\"n@example.com\",\"password\":"
                        + "\"secret1\",\"password_confirmation\":\"secret2\"}",
                        "The password confirmation does not match."),
                Arguments.of("{\"name\":\"N\",\"email\":\"n@example.com\",\"password\":"
                        + "\"secret1\",\"password_confirmation\":\"secret1\"}",
                        "The newsletter field is required."),
                Arguments.of("{" + valid.replace("true", "\"yes\"") + "}",
                        "The newsletter field must be true or false."),
                Arguments.of("{" + valid.replace("true", "2") + "}",
                        "The newsletter field must be true or false."),
                Arguments.of("{" + valid + ",\"phone\":\"" + "9".repeat(33) + "\"}",
                        "The phone must not be greater than 32 characters."),
                Arguments.of("{" + valid + ",\"class\":\"gold\"}",
                        "The selected class is invalid."),
                Arguments.of("{" + valid + ",\"expires_at\":\"2030-02-30 00:00:00\"}",
                        "The expires at does not match the format Y-m-d H:i:s."),
                Arguments.of("{" + valid + ",\"addon_wl\":\"maybe\"}",
                        "The addon wl field must be true or false."));
    }

    @ParameterizedTest
    @MethodSource("userAddCases")
    void userAdd_invalidField_answers422WithTheRule(String body, String message) {
        Answer answer = host.postJson("/hosting/user/add", body);

        assertError(answer, 422, message);
    }

    static Stream<Arguments> siteAddCases() {
        return Stream.of(
                Arguments.of("{}", "The url field is required."),
                Arguments.of("{\"url\":17}", "The url must be a string."),
                Arguments.of("{\"url\":\"ftp://x.example\",\"userid\":1}",
                        "The url must be a valid URL."),
                Arguments.of("{\"url\":\"https://user:pw@x.example\"}",
                        "The url must be a valid URL."),
                Arguments.of("{\"url\":\"https://\"}", "The url must be a valid URL."),
                Arguments.of("{\"url\":\"/relative/path\"}", "The url must be a valid URL."),
                Arguments.of("{\"url\":\"https://x.example/<script>\"}",
                        "The url must be a valid URL."),
                Arguments.of("{\"url\":\"https://x.example/" + "a".repeat(2048) + "\"}",
                        "The url must not be greater than 2048 characters."),
                Arguments.of("{\"url\":\"https://x.example\"}", "The userid field is required."),
                Arguments.of("{\"url\":\"https://x.example\",\"userid\":\"abc\"}",
                        "The userid must be an integer."),
                Arguments.of("{\"url\":\"https://x.example\",\"userid\":1.5}",
                        "The userid must be an integer."),
                Arguments.of("{\"url\":\"https://x.example\",\"userid\":-3}",
                        "The userid must be an integer."),
                Arguments.of("{\"url\":\"https://x.example\",\"userid\":\"1; DROP TABLE users\"}",
                        "The userid must be an integer."),
                Arguments.of("{\"url\":\"https://x.example\",\"userid\":1,\"strict\":\"sure\"}",
                        "The strict field must be true or false."));
    }

    @ParameterizedTest
    @MethodSource("siteAddCases")
    void siteAdd_invalidField_answers422WithTheRule(String body, String message) {
        Answer answer = host.postJson("/hosting/site/add", body);

        assertError(answer, 422, message);
    }

    @Test
    void siteAdd_unknownUser_answers404() {
        Answer answer = host.postJson("/hosting/site/add",
                "{\"url\":\"https://x.example\",\"userid\":999999}");

        assertError(answer, 404, "No user with id 999999.");
    }

    static Stream<String> bodyRoutes() {
        return Stream.of("/hosting/user/add", "/hosting/user/search", "/hosting/site/add",
                "/hosting/site/search", "/hosting/user/{user}/edit", "/hosting/site/{site}/edit",
                "/hosting/user/{user}/sso", "/hosting/site/{site}/delete");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_malformedJson_answers400(String route) {
        Answer answer = host.postJson(path(route), "{\"name\": ");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).startsWith("The body is not valid JSON");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_jsonArrayBody_answers400(String route) {
        Answer answer = host.postJson(path(route), "[1, 2]");

        assertError(answer, 400, "The JSON body must be an object.");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_bodyOverOneMebibyte_answers413(String route) {
        byte[] body = ("{\"name\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = host.post(path(route), "application/json", body);

        assertError(answer, 413, "The request body is larger than 1024 KiB.");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_xmlBody_answers415(String route) {
        Answer answer = host.post(path(route), "application/xml",
                "<name>x</name>".getBytes(StandardCharsets.UTF_8));

        assertError(answer, 415, "Send the body as application/json or "
                + "application/x-www-form-urlencoded, not application/xml.");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_malformedForm_answers400(String route) {
        Answer answer = host.postForm(path(route), "name=%zz");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).startsWith("The form body is malformed");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_malformedMultipart_answers400(String route) {
        Answer noBoundary = host.post(path(route), "multipart/form-data",
                "x".getBytes(StandardCharsets.UTF_8));
        Answer emptyBody = host.post(path(route), "multipart/form-data; boundary=XX",
                new byte[0]);

        assertError(noBoundary, 400, "The multipart body is malformed.");
        assertError(emptyBody, 400, "The multipart body is malformed.");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_jsonFollowedByMoreText_answers400(String route) {
        String body = "{\"name\":\"Garb\",\"email\":\"garb@example.com\",\"password\":"
                + "\"secret1\",\"password_confirmation\":\"secret1\",\"newsletter\":0,"
                + "\"url\":\"https://garb.example\",\"userid\":" + userId + "} this is not json";

        Answer answer = host.postJson(path(route), body);

        assertError(answer, 400, "The body is not valid JSON (line 1, column "
                + (body.indexOf(" is not") + 2) + ").");
    }

    @ParameterizedTest
    @MethodSource("bodyRoutes")
    void post_formWithInvalidUtf8_answers400(String route) {
        Answer answer = host.postForm(path(route), "name=a%FF%FEb&url=https%3A%2F%2Fx.example");

        assertError(answer, 400, "The form body is not valid UTF-8.");
    }

    @Test
    void userSearch_formArrayKey_answersMustBeAString() {
        Answer answer = host.postForm("/hosting/user/search", "email%5B%5D=kept%40example.com");

        assertError(answer, 422, "The email must be a string.");
    }

    @Test
    void userEdit_emptyName_answers422() {
        Answer answer = host.postJson("/hosting/user/" + userId + "/edit", "{\"name\":\"\"}");

        assertError(answer, 422, "The name field is required.");
    }

    @Test
    void userEdit_nameWithTrailingNewline_isTrimmed() {
        Answer answer = host.postJson("/hosting/user/" + userId + "/edit",
                "{\"name\":\"Kept\\n\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(state()).isEqualTo(before);
    }

    static Stream<String> idRoutes() {
        return Stream.of("POST /hosting/user/{id}/edit", "POST /hosting/user/{id}/delete",
                "POST /hosting/user/{id}/sso", "GET /hosting/user/{id}/view",
                "POST /hosting/site/{id}/edit", "POST /hosting/site/{id}/delete",
                "GET /hosting/site/{id}/download", "GET /hosting/site/{id}/view");
    }

    @ParameterizedTest
    @MethodSource("idRoutes")
    void idRoute_nonCanonicalId_answers404(String route) {
        List<String> answers = new ArrayList<>();
        for (String id : List.of("abc", "-1", "01", "1.0", "%20", "99999999999999999999",
                "9223372036854775808", "1%27%20OR%201%3D1")) {
            String[] parts = route.split(" ");
            Answer answer = host.method(parts[0], parts[1].replace("{id}", id));
            answers.add(answer.status() + " " + answer.json().has("error"));
        }

        assertThat(answers).containsOnly("404 true");
    }

    @ParameterizedTest
    @MethodSource("idRoutes")
    void idRoute_unknownId_answers404(String route) {
        String[] parts = route.split(" ");

        Answer answer = host.method(parts[0], parts[1].replace("{id}", "424242"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("error").asText()).matches("No (user|site) with id 424242\\.");
    }

    @ParameterizedTest
    @MethodSource("idRoutes")
    void idRoute_withoutToken_answers401(String route) {
        String[] parts = route.split(" ");

        Answer answer = server.client(null).method(parts[0], parts[1].replace("{id}", "1"));

        assertError(answer, 401, "Missing or invalid HostToken header.");
    }

    @Test
    void anyRoute_revokedOrWrongToken_answers401() {
        Answer wrong = server.client("bwk_not-a-token").get("/hosting/user/" + userId + "/view");

        assertError(wrong, 401, "Missing or invalid HostToken header.");
    }

    @Test
    void unknownRoute_answers404BeforeTheToken() {
        Answer answer = server.client(null).get("/hosting/nothing/here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().has("error")).isTrue();
    }

    @Test
    void wrongMethod_answers405WithAllow() {
        Answer answer = host.get("/hosting/user/add");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow")).isEqualTo("POST");
        assertThat(answer.json().has("error")).isTrue();
    }

    @Test
    void userEdit_takenEmail_answers422AndKeepsTheUser() {
        long other = host.postJson("/hosting/user/add", "{\"name\":\"O\",\"email\":"
                + "\"other@example.com\",\"password\":\"secret1\",\"password_confirmation\":"
                + "\"secret1\",\"newsletter\":0}").json().get("id").asLong();
        before = state();

        Answer answer = host.postJson("/hosting/user/" + other + "/edit",
                "{\"email\":\"Kept@Example.com\"}");

        assertError(answer, 422, "The email has already been taken.");
    }

    @Test
    void userEdit_emptyBody_changesNothing() {
        Answer answer = host.postJson("/hosting/user/" + userId + "/edit", "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void siteEdit_urlOfAnotherSite_answers422WithTheDuplicateSentence() {
        long other = host.postJson("/hosting/site/add", "{\"url\":\"https://second.example\","
                + "\"userid\":" + userId + "}").json().get("siteid").asLong();
        before = state();

        Answer answer = host.postJson("/hosting/site/" + other + "/edit",
                "{\"url\":\"http://www.kept.example/\"}");

        assertError(answer, 422, "The site http://www.kept.example/ has already been added.");
    }

    @Test
    void userAdd_oddUnicodeName_isStoredAsGiven() {
        Answer answer = host.postJson("/hosting/user/add", "{\"name\":\"Zoë 👩‍💻 ‮RTL\","
                + "\"email\":\"zoe@bücher.example\",\"password\":\"pässwörd\","
                + "\"password_confirmation\":\"pässwörd\",\"newsletter\":\"false\"}");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        long id = answer.json().get("id").asLong();
        assertThat(host.get("/hosting/user/" + id + "/view").json().get("user").get("name")
                .asText()).isEqualTo("Zoë 👩‍💻 ‮RTL");
        host.method("POST", "/hosting/user/" + id + "/delete");
        before = state();
    }

    private void assertError(Answer answer, int status, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.json().get("error").asText()).isEqualTo(message);
        assertThat(answer.header("X-Request-Id")).isNotBlank();
        assertThat(state()).isEqualTo(before);
    }

    private static String path(String route) {
        return route.replace("{user}", Long.toString(userId))
                .replace("{site}", Long.toString(siteId));
    }

    /** What any write would change: users, sites, login links. */
    private static String state() {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT (SELECT COUNT(*) FROM users) || '/' "
                        + "|| (SELECT COUNT(*) FROM sites) || '/' "
                        + "|| (SELECT COUNT(*) FROM login_tokens) || '/' "
                        + "|| (SELECT MAX(name) FROM users) || '/' "
                        + "|| (SELECT MAX(url) FROM sites)")
                .mapTo(String.class)
                .one());
    }
}
