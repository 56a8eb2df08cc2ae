package io.bulwark.portal;

import java.util.Objects;
import java.util.Optional;

/**
 * A site with the figures the sites list shows for it.
 *
 * @param site the site and its plugin's last report
 * @param connection the connection state at the time of the request
 * @param attacksLastWeek blocked requests over the last 7 UTC days, today included
 * @param vulnerable components in state {@code vulnerable}
 * @param outdated components with a newer version available
 * @param inventoryReceived whether the plugin has sent its software list at all
 * @param checked whether every plugin, theme and core row has a known vulnerability state
 */
public record SiteCard(SiteStatus site, Connection connection, long attacksLastWeek,
        int vulnerable, int outdated, boolean inventoryReceived, boolean checked) {
    public SiteCard {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(connection, "connection");
    }

    /** The tone of the vulnerability figure: {@code bad}, {@code ok} or {@code muted}. */
    public String vulnerableTone() {
        if (vulnerable > 0) {
            return "bad";
        }
        return checked && inventoryReceived ? "ok" : "muted";
    }

    /** What a zero means: nothing found, nothing checked, or nothing reported; else empty. */
    public Optional<String> vulnerableNote() {
        if (!inventoryReceived) {
            return Optional.of("No software list yet");
        }
        if (vulnerable > 0) {
            return Optional.empty();
        }
        return Optional.of(checked ? "No known vulnerabilities" : "Not checked yet");
    }
}
