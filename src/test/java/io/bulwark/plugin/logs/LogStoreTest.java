package io.bulwark.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.db.Transactions;
import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.MutableClock;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** De-duplication (protocol 17.12) and dating (Hosting API decision 15) of firewall records. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class LogStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-12-04T15:30:00Z");
    private static final String A = record("1.1.1.1", "2026-12-04 10:00:00");
    private static final String B = record("2.2.2.2", "2026-12-04 10:00:00");
    private static final String C = record("3.3.3.3", "2026-12-03 23:59:59");

    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;
    private LogStore store;
    private long siteId;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Log Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newSite() {
        store = new LogStore(new Transactions(server.app().database()), new MutableClock(NOW));
        siteId = HostedSite.create(host, "premium").siteId();
    }

    @Test
    void storeFirewall_copiesAndResends_insertsOnlyTheMissingCopies() throws IOException {
        int first = store.storeFirewall(siteId, batch(A, A, B));
        int resent = store.storeFirewall(siteId, batch(A, A, B));
        int overlapping = store.storeFirewall(siteId, batch(A, A, A, C, B));

        assertThat(first).isEqualTo(3);
        assertThat(resent).isZero();
        assertThat(overlapping).isEqualTo(2);
        assertThat(copyNumbers("1.1.1.1")).containsExactly(0, 1, 2);
        assertThat(days()).containsExactly(Map.entry("2026-12-03", 1L),
                Map.entry("2026-12-04", 4L));
    }

    @Test
    void storeFirewall_sameValueOtherJsonType_isAnotherRecord() throws IOException {
        int stored = store.storeFirewall(siteId, batch("{\"ip\":\"1.1.1.1\",\"fid\":\"551300\"}",
                "{\"ip\":\"1.1.1.1\",\"fid\":551300}"));

        assertThat(stored).isEqualTo(2);
    }

    @Test
    void storeFirewall_badOrFutureDates_areDatedByArrival() throws IOException {
        store.storeFirewall(siteId, batch(record("1.1.1.1", "not a date"),
                record("2.2.2.2", "2026-12-05 15:30:01"),
                record("3.3.3.3", "2026-12-05 15:30:00"),
                record("4.4.4.4", "2026-11-20 08:00:00"),
                record("5.5.5.5", "2026-02-30 08:00:00")));

        assertThat(days()).containsExactly(Map.entry("2026-11-20", 1L),
                Map.entry("2026-12-04", 3L), Map.entry("2026-12-05", 1L));
    }

    @Test
    void storeFirewall_postDataOver64KiB_isClippedAndFlagged() throws IOException {
        String big = "x".repeat(70_000);

        store.storeFirewall(siteId, batch("{\"ip\":\"1.1.1.1\",\"post_data\":\"" + big + "\"}"));

        Map<String, Object> row = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT LENGTH(post_data) AS length, post_data_clipped FROM attacks "
                        + "WHERE site_id = :site").bind("site", siteId).mapToMap().one());
        assertThat(((Number) row.get("length")).intValue()).isEqualTo(64 * 1024);
        assertThat(row.get("post_data_clipped").toString()).isIn("true", "1");
    }

    @Test
    void storeActivity_resentBatch_storesEachRecordOnce() throws IOException {
        String login = "{\"id\":\"7\",\"author\":\"admin\",\"action\":\"logged in\","
                + "\"date\":\"2026-12-04 16:00:00\"}";
        String withoutId = "{\"author\":\"admin\",\"action\":\"logged in\"}";

        store.storeActivity(siteId, batch(login, withoutId, withoutId));
        store.storeActivity(siteId, batch(login, withoutId));

        long stored = server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM activity_records WHERE site_id = :site")
                .bind("site", siteId).mapTo(Long.class).one());
        assertThat(stored).isEqualTo(2);
    }

    private List<Integer> copyNumbers(String ip) {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT copy_no FROM attacks WHERE site_id = :site AND ip = :ip "
                        + "ORDER BY copy_no")
                .bind("site", siteId).bind("ip", ip).mapTo(Integer.class).list());
    }

    private List<Map.Entry<String, Long>> days() {
        return server.app().database().jdbi().withHandle(handle -> handle
                .createQuery("SELECT day, num FROM attack_days WHERE site_id = :site ORDER BY day")
                .bind("site", siteId)
                .map((row, ctx) -> Map.entry(row.getString("day"), row.getLong("num"))).list());
    }

    private static String record(String ip, String logDate) {
        return "{\"ip\":\"" + ip + "\",\"fid\":\"551300\",\"request_uri\":\"\\/?pid=1\","
                + "\"user_agent\":\"curl\",\"method\":\"GET\",\"log_date\":\"" + logDate
                + "\",\"post_data\":\"[]\"}";
    }

    private static List<JsonNode> batch(String... records) throws IOException {
        List<JsonNode> batch = new ArrayList<>();
        for (String record : records) {
            batch.add(JSON.readTree(record));
        }
        return batch;
    }
}
