package io.bulwark.portal;

import java.util.List;
import java.util.Objects;

/**
 * One site in detail.
 *
 * @param viewer the signed-in customer
 * @param card the site's summary figures
 * @param chart blocked requests per day over the same 32 days as the Hosting API's site view
 * @param compactChart the same chart drawn for a phone's width
 * @param recentAttacks the newest blocked requests, newest first
 * @param software the latest inventory with its matched vulnerabilities
 */
public record SitePage(Viewer viewer, SiteCard card, AttackChart chart,
        AttackChart compactChart, List<BlockedRequest> recentAttacks, List<SoftwareRow> software) {
    /** How many blocked requests the page lists. */
    public static final int RECENT_ATTACKS = 25;

    public SitePage {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(chart, "chart");
        Objects.requireNonNull(compactChart, "compactChart");
        recentAttacks = List.copyOf(recentAttacks);
        software = List.copyOf(software);
    }
}
