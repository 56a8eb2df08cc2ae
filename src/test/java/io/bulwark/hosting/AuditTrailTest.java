package io.bulwark.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every authenticated Hosting API call leaves an audit record with its status. */
class AuditTrailTest {
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
    void calls_successesAndFailures_areAuditedWithStatusTargetAndRequestId()
            throws InterruptedException {
        HttpTestClient host = server.client(server.newProvider("Audited Hosting"));
        long userId = host.postJson("/hosting/user/add", "{\"name\":\"A\",\"email\":"
                + "\"a@example.com\",\"password\":\"secret1\",\"password_confirmation\":"
                + "\"secret1\",\"newsletter\":0}").json().get("id").asLong();
        host.postJson("/hosting/user/add", "{}");
        String viewRequest = host.get("/hosting/user/" + userId + "/view").header("X-Request-Id");
        host.method("POST", "/hosting/user/" + userId + "/delete");
        server.client(null).get("/hosting/user/" + userId + "/view");

        List<String> rows = awaitRows(4);

        assertThat(rows).containsExactlyInAnyOrder(
                "user.add user " + userId + " 200",
                "user.add user null 422",
                "user.view user " + userId + " 200",
                "user.delete user " + userId + " 200");
        long withRequestId = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM audit_log WHERE request_id = :id "
                        + "AND client_ip = '127.0.0.1'")
                .bind("id", viewRequest)
                .mapTo(Long.class)
                .one());
        assertThat(withRequestId).isEqualTo(1);
    }

    private static List<String> awaitRows(int expected) throws InterruptedException {
        List<String> rows = List.of();
        for (int attempt = 0; attempt < 100 && rows.size() < expected; attempt++) {
            Thread.sleep(20);
            rows = server.app().database().jdbi().withHandle(handle -> handle
                    .createQuery("SELECT action || ' ' || target_type || ' ' || "
                            + "COALESCE(CAST(target_id AS TEXT), 'null') || ' ' || "
                            + "CAST(status AS TEXT) FROM audit_log")
                    .mapTo(String.class)
                    .list());
        }
        return rows;
    }
}
