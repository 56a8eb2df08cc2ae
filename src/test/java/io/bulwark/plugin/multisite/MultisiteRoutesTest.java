package io.bulwark.plugin.multisite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Sub-site credentials of a WordPress network (protocol 17.11), on both databases. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class MultisiteRoutesTest {
    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Network Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void multisiteKeys_newSubSites_createsAuditedSitesOfTheSameUserIdempotently() {
        HostedSite network = HostedSite.create(host, "premium");
        PluginClient plugin = network.plugin(server);
        plugin.token();
        String shop = network.url() + "/shop";
        String blog = "https://blog." + network.url().substring("http://".length()) + "/";

        WireClient.Reply first = plugin.multisiteKeys(List.of(shop, blog));
        WireClient.Reply again = plugin.multisiteKeys(List.of(blog, shop));

        assertThat(first.status()).isEqualTo(200);
        JsonNode keys = first.json();
        assertThat(fieldNames(keys)).containsExactly(shop, blog);
        assertThat(keys.get(shop).get("id").asLong()).isGreaterThan(100000);
        assertThat(keys.get(shop).get("secret").asText()).matches("[A-Za-z0-9]{40}");
        assertThat(again.json().get(shop)).isEqualTo(keys.get(shop));
        assertThat(again.json().get(blog)).isEqualTo(keys.get(blog));
        JsonNode user = host.get("/hosting/user/" + network.userId() + "/view").json();
        assertThat(user.get("sites").size()).isEqualTo(3);
        long audited = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM audit_log WHERE action = "
                        + "'plugin.multisite_keys' AND target_id IN (SELECT id FROM sites "
                        + "WHERE user_id = :user)")
                .bind("user", network.userId()).mapTo(Long.class).one());
        assertThat(audited).isEqualTo(2);
        PluginClient subSite = new PluginClient(server.port(), shop,
                keys.get(shop).get("id").asLong(), keys.get(shop).get("secret").asText());
        assertThat(subSite.token().status()).isEqualTo(200);
        assertThat(subSite.ping(1).status()).isEqualTo(200);
    }

    @Test
    void multisiteKeys_urlOfAnotherUser_refusesTheWholeCallWith200Error() {
        HostedSite network = HostedSite.create(host, "premium");
        HostedSite stranger = HostedSite.create(host, "premium");
        PluginClient plugin = network.plugin(server);
        plugin.token();
        String fresh = network.url() + "/fresh";

        WireClient.Reply reply = plugin.multisiteKeys(List.of(fresh, stranger.url()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("error").asText()).isEqualTo("The site " + stranger.url()
                + " belongs to another customer of your hosting provider.");
        JsonNode user = host.get("/hosting/user/" + network.userId() + "/view").json();
        assertThat(user.get("sites").size()).isEqualTo(1);
    }

    @Test
    void multisiteKeys_badLists_answer200ErrorEscaped() {
        HostedSite network = HostedSite.create(host, "premium");
        PluginClient plugin = network.plugin(server);
        plugin.token();
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(network.url() + "/s" + i);
        }

        WireClient.Reply none = plugin.multisiteKeys(List.of());
        WireClient.Reply many = plugin.multisiteKeys(tooMany);
        WireClient.Reply script = plugin.multisiteKeys(List.of("<script>x</script>"));

        assertThat(none.body()).isEqualTo("{\"error\":\"The sites field is required.\"}");
        assertThat(many.body()).isEqualTo("{\"error\":\"At most 100 sites can be activated at "
                + "once; 101 were sent.\"}");
        assertThat(script.body()).isEqualTo("{\"error\":\"The site URL &lt;script&gt;x&lt;"
                + "\\/script&gt; is not a valid URL.\"}".replace("\\/", "/"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
