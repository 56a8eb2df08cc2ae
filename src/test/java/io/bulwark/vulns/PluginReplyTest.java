package io.bulwark.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.Inventories;
import io.bulwark.plugin.PluginClient;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole path over HTTP: the plugin uploads its software, the operator imports the complete
 * feed, the next upload's reply lists the vulnerable plugins with both counters, and the Hosting
 * API's site view shows each row's state.
 */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class PluginReplyTest {
    private static final String FEED = WordfenceFeedWriter.feed(
            Record.of("77777777-0000-0000-0000-000000000001",
                    WordfenceFeedWriter.plugin("akismet", "5.0.2", "5.0.3")),
            Record.of("77777777-0000-0000-0000-000000000002",
                    WordfenceFeedWriter.plugin("hello", "1.7.2", "")));

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
    void softwareUpload_beforeAndAfterCompleteFeed_replyAndViewCarryTheStates() {
        HostedSite site = HostedSite.create(host, "premium");
        PluginClient plugin = site.plugin(server);
        plugin.token();

        JsonNode before = plugin.software(Inventories.standard(1, "")).json();
        server.app().feedJobs().importFeed(FeedFormat.WORDFENCE, new ByteArrayInputStream(
                FEED.getBytes(StandardCharsets.UTF_8)), new FeedImporter.Options(true, false));
        JsonNode after = plugin.software(Inventories.standard(1, "5.3.3")).json();
        JsonNode view = host.get("/hosting/site/" + site.siteId() + "/view").json();

        assertThat(before.toString()).isEqualTo("{\"success\":true,\"vulnerable\":[]}");
        assertThat(after.get("vulnerable").toString())
                .isEqualTo("[\"akismet/akismet.php\",\"hello.php\"]");
        assertThat(after.get("vulnerability_count").asInt()).isEqualTo(2);
        assertThat(after.get("vulnerability_fix_count").asInt()).isEqualTo(1);
        List<String> states = new ArrayList<>();
        view.get("software").forEach(row -> states.add(row.get("name").asText() + "="
                + row.get("vulnerability_status").asText() + "/"
                + row.get("is_vulnerable").asBoolean()));
        assertThat(states).containsExactly("PHP=unknown/false", "Akismet Anti-Spam=vulnerable/true",
                "Hello Dolly=vulnerable/true", "Patchstack Security=not_vulnerable/false",
                "Twenty Twenty-Three=not_vulnerable/false", "WordPress=not_vulnerable/false");
        assertThat(view.get("software_vulnerable").asInt()).isEqualTo(2);
        assertThat(view.get("has_vuln_plugin").asInt()).isEqualTo(1);
        assertThat(view.get("vulnerabilities_as_of").isTextual()).isTrue();
    }
}
