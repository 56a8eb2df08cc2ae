package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SiteStatusTest {
    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");

    @Test
    void connection_beforeAnyContact_isWaiting() {
        Connection connection = site(Optional.empty(), Optional.empty()).connection(NOW);

        assertThat(connection).isEqualTo(new Connection(Connection.State.WAITING,
                "Not connected yet",
                "The security plugin has not contacted Bulwark from this site yet."));
        assertThat(connection.tone()).isEqualTo("muted");
    }

    @Test
    void connection_pingedWithinADay_isConnectedOrWarnsOfTheFirewall() {
        Instant ping = NOW.minus(Duration.ofHours(2));

        Connection on = site(Optional.of(ping), Optional.of(true)).connection(NOW);
        Connection off = site(Optional.of(ping), Optional.of(false)).connection(NOW);

        assertThat(on).isEqualTo(new Connection(Connection.State.CONNECTED, "Connected",
                "Last contact 2026-12-04 13:00 UTC (2 hours ago)."));
        assertThat(off.key()).isEqualTo("firewall-off");
        assertThat(off.detail()).isEqualTo("Last contact 2026-12-04 13:00 UTC (2 hours ago). "
                + "The plugin reports its firewall is off.");
    }

    @Test
    void connection_silentForOverADay_isBad() {
        Connection connection = site(Optional.of(NOW.minus(Duration.ofHours(49))),
                Optional.of(true)).connection(NOW);

        assertThat(connection).isEqualTo(new Connection(Connection.State.SILENT,
                "No contact for over a day", "Last contact 2026-12-02 14:00 UTC (2 days ago)."));
        assertThat(connection.tone()).isEqualTo("bad");
    }

    @Test
    void feedText_saysWhetherAndWhenTheSoftwareWasChecked() {
        SiteStatus unchecked = site(Optional.empty(), Optional.empty());
        SiteStatus checked = new SiteStatus(7, "https://shop.example.com", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("2026-12-04T10:30:00Z")));

        assertThat(unchecked.feedText())
                .isEqualTo("Not yet checked against a complete vulnerability feed.");
        assertThat(checked.feedText())
                .isEqualTo("Checked against the vulnerability feed of 2026-12-04 10:30 UTC.");
    }

    private static SiteStatus site(Optional<Instant> ping, Optional<Boolean> firewall) {
        return new SiteStatus(7, "https://shop.example.com", ping, ping, Optional.of("2.3.2"),
                firewall, Optional.empty());
    }
}
