package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BlockedRequestTest {
    @Test
    void rule_readsThePluginsFirewallIds() {
        assertThat(request("551234", "/").rule()).isEqualTo("Rule 1234");
        assertThat(request("103", "/").rule()).isEqualTo("Code 103");
        assertThat(request("55", "/").rule()).isEqualTo("Code 55");
        assertThat(request("55x1", "/").rule()).isEqualTo("Code 55x1");
    }

    @Test
    void shortUri_cutsLongRequestsWithAnEllipsis() {
        String longUri = "/?q=" + "a".repeat(200);

        assertThat(request("103", longUri).shortUri()).hasSize(121).endsWith("a…")
                .startsWith("/?q=aaa");
        assertThat(request("103", "/wp-login.php").shortUri()).isEqualTo("/wp-login.php");
    }

    @Test
    void time_isWrittenInUtcToTheSecond() {
        assertThat(request("103", "/").time()).isEqualTo("2026-12-04 15:00:07");
    }

    private static BlockedRequest request(String fid, String uri) {
        return new BlockedRequest(Instant.parse("2026-12-04T15:00:07.123456Z"), "203.0.113.7",
                "GET", uri, fid);
    }
}
