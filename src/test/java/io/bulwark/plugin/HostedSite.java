package io.bulwark.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A user and site created through the Hosting API, with the plugin credentials a downloaded
 * zip would carry.
 */
public record HostedSite(long userId, long siteId, long apiId, String secret, String url) {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A new user of plan {@code planClass} with one site at a new URL. */
    public static HostedSite create(HttpTestClient host, String planClass) {
        int n = SEQUENCE.incrementAndGet();
        JsonNode user = host.postJson("/hosting/user/add", "{\"name\":\"Owner " + n + "\","
                + "\"email\":\"owner" + n + "-" + System.nanoTime() + "@example.com\","
                + "\"password\":\"secret1\",\"password_confirmation\":\"secret1\","
                + "\"newsletter\":0,\"class\":\"" + planClass + "\"}").json();
        long userId = user.get("id").asLong();
        return addSite(host, userId, "http://site" + n + "-" + System.nanoTime() + ".example");
    }

    /** A second site of {@code userId}. */
    public static HostedSite addSite(HttpTestClient host, long userId, String url) {
        JsonNode site = host.postJson("/hosting/site/add", "{\"url\":\"" + url
                + "\",\"userid\":" + userId + "}").json();
        if (!site.has("siteid")) {
            throw new AssertionError("site/add failed: " + site);
        }
        return new HostedSite(userId, site.get("siteid").asLong(),
                site.get("api").get("id").asLong(), site.get("api").get("secret").asText(), url);
    }

    /** A plugin client for this site, speaking HTTP/1.1. */
    public PluginClient plugin(TestServer server) {
        return new PluginClient(server.port(), url, apiId, secret);
    }
}
