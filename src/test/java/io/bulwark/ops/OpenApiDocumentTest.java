package io.bulwark.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.testing.TestServer;
import io.javalin.http.HandlerType;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document and the server's Hosting API routes must name the same set. */
class OpenApiDocumentTest {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("sqlite");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void document_comparedWithRoutes_listsExactlyTheHostingRoutes() {
        JsonNode document = server.client(null).get("/openapi.json").json();

        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " "
                        + path.getKey())));
        Set<String> served = new TreeSet<>();
        server.app().server().javalin().unsafeConfig().pvt.internalRouter.allHttpHandlers()
                .stream()
                .map(parsed -> parsed.getEndpoint())
                .filter(endpoint -> endpoint.getPath().startsWith("/hosting/"))
                .filter(endpoint -> endpoint.getMethod() == HandlerType.GET
                        || endpoint.getMethod() == HandlerType.POST)
                .forEach(endpoint -> served.add(endpoint.getMethod() + " "
                        + endpoint.getPath()));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void document_misprintedRoute_isADeprecatedAlias() {
        JsonNode document = server.client(null).get("/openapi.json").json();

        JsonNode misprint = document.get("paths").get("/hosting/user{userid}/delete").get("post");

        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(misprint.get("deprecated").asBoolean()).isTrue();
    }
}
