package io.bulwark.portal;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site of the signed-in customer with what its plugin last reported about itself.
 *
 * @param id the site id
 * @param url the site's URL as the provider registered it
 * @param lastPingAt the plugin's last heartbeat (every 3 hours while it runs)
 * @param lastSeenAt the plugin's last authenticated call of any kind
 * @param pluginVersion the plugin's version from the last inventory
 * @param firewallEnabled the firewall state the plugin last reported
 * @param vulnerabilitiesAsOf the newest complete vulnerability feed the software was checked
 *     against; empty before the first
 */
public record SiteStatus(
        long id,
        String url,
        Optional<Instant> lastPingAt,
        Optional<Instant> lastSeenAt,
        Optional<String> pluginVersion,
        Optional<Boolean> firewallEnabled,
        Optional<Instant> vulnerabilitiesAsOf) {
    /** The plugin pings every 3 hours; a day without contact means it stopped. */
    static final Duration SILENCE = Duration.ofHours(24);

    public SiteStatus {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(lastPingAt, "lastPingAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(pluginVersion, "pluginVersion");
        Objects.requireNonNull(firewallEnabled, "firewallEnabled");
        Objects.requireNonNull(vulnerabilitiesAsOf, "vulnerabilitiesAsOf");
    }

    /** Whether the plugin is connected at {@code now}, and what to say about it. */
    public Connection connection(Instant now) {
        Optional<Instant> contact = lastPingAt.or(() -> lastSeenAt);
        if (contact.isEmpty()) {
            return new Connection(Connection.State.WAITING, "Not connected yet",
                    "The security plugin has not contacted Bulwark from this site yet.");
        }
        String when = TimeText.minute(contact.get()) + " (" + TimeText.ago(contact.get(), now)
                + ")";
        if (Duration.between(contact.get(), now).compareTo(SILENCE) > 0) {
            return new Connection(Connection.State.SILENT, "No contact for over a day",
                    "Last contact " + when + ".");
        }
        if (firewallEnabled.isPresent() && !firewallEnabled.get()) {
            return new Connection(Connection.State.FIREWALL_OFF, "Connected, firewall off",
                    "Last contact " + when + ". The plugin reports its firewall is off.");
        }
        return new Connection(Connection.State.CONNECTED, "Connected", "Last contact " + when
                + ".");
    }

    /** Which feed the software was checked against, in a sentence. */
    public String feedText() {
        return vulnerabilitiesAsOf
                .map(asOf -> "Checked against the vulnerability feed of " + TimeText.minute(asOf)
                        + ".")
                .orElse("Not yet checked against a complete vulnerability feed.");
    }

    /** The plugin version, or a dash before the first inventory. */
    public String pluginVersionText() {
        return pluginVersion.orElse("—");
    }
}
