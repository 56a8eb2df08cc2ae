package io.bulwark.plugin.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.MutableClock;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** The retention job on both databases: old raw records go, daily totals stay. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "postgresql"})
class LogRetentionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameter
    String kind;

    private static TestServer server;
    private static HttpTestClient host;

    @BeforeParameterizedClassInvocation
    static void start(String kind) {
        server = TestServer.start(kind);
        host = server.client(server.newProvider("Retention Hosting"));
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        server.close();
    }

    @Test
    void runOnce_afterTheRetentionPeriod_deletesOnlyOldRecordsAndKeepsDailyTotals()
            throws IOException {
        Transactions transactions = new Transactions(server.app().database());
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
        LogStore store = new LogStore(transactions, clock);
        LogRetention retention = new LogRetention(transactions, new JobLeases(transactions, clock),
                Duration.ofDays(90), clock);
        long siteId = HostedSite.create(host, "premium").siteId();
        store.storeFirewall(siteId, List.of(JSON.readTree("{\"ip\":\"1.1.1.1\"}"),
                JSON.readTree("{\"ip\":\"2.2.2.2\"}")));
        store.storeActivity(siteId, List.of(JSON.readTree("{\"id\":\"1\"}")));
        clock.advance(Duration.ofDays(90).plusSeconds(1));
        store.storeFirewall(siteId, List.of(JSON.readTree("{\"ip\":\"3.3.3.3\"}")));

        long deleted = retention.runOnce();

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM attacks WHERE site_id = :site", siteId))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM activity_records WHERE site_id = :site", siteId))
                .isZero();
        assertThat(count("SELECT SUM(num) FROM attack_days WHERE site_id = :site", siteId))
                .isEqualTo(3);
    }

    @Test
    void runOnce_whileAnotherNodeHoldsTheLease_doesNothing() {
        Transactions transactions = new Transactions(server.app().database());
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T00:00:00Z"));
        server.app().database().jdbi().useHandle(handle -> handle.createUpdate(
                        "INSERT INTO job_leases (name, holder, expires_at) VALUES "
                                + "('plugin-log-retention', 'other-node', :until) "
                                + "ON CONFLICT (name) DO UPDATE SET holder = 'other-node', "
                                + "expires_at = :until")
                .bind("until", clock.instant().plus(Duration.ofMinutes(10)))
                .execute());
        LogRetention retention = new LogRetention(transactions, new JobLeases(transactions, clock),
                Duration.ofDays(90), clock);

        long blocked = retention.runOnce();
        clock.advance(Duration.ofMinutes(11));
        long afterExpiry = retention.runOnce();

        assertThat(blocked).isEqualTo(-1);
        assertThat(afterExpiry).isGreaterThanOrEqualTo(0);
    }

    private static long count(String sql, long siteId) {
        return server.app().database().jdbi().withHandle(handle -> handle.createQuery(sql)
                .bind("site", siteId).mapTo(Long.class).one());
    }
}
