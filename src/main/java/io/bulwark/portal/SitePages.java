package io.bulwark.portal;

import io.bulwark.db.Transactions;
import io.bulwark.errors.NotFoundException;
import io.bulwark.sites.SiteView;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads what the sites list and a site's page show, each page through one handle. Attack days
 * and software come from the Hosting API's {@link SiteView}, so the portal and the API always
 * show the same figures.
 */
public final class SitePages {
    /** The types the vulnerability feature evaluates; php and database rows stay unknown. */
    private static final Set<String> EVALUATED = Set.of("plugin", "theme", "wordpress");
    private static final int WEEK = 7;

    private final Transactions transactions;
    private final PortalRepository repository;
    private final VulnerabilityDetails vulnerabilities;
    private final Clock clock;

    public SitePages(Transactions transactions, PortalRepository repository,
            VulnerabilityDetails vulnerabilities, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.vulnerabilities = vulnerabilities;
        this.clock = clock;
    }

    /** Every site of the viewer with its figures. */
    SitesPage sites(Viewer viewer) {
        // LIMITATION: two small queries per site (attack days, software), reusing SiteView so
        // the figures match the API's; fine for the handful of sites a customer has, but a
        // customer with hundreds of sites would wait for hundreds of queries on this page.
        Instant now = clock.instant();
        return transactions.read(handle -> new SitesPage(viewer,
                repository.sitesOf(handle, viewer.userId()).stream()
                        .map(site -> card(site, attackDays(handle, site.id(), now),
                                SiteView.software(handle, site.id()), now))
                        .toList()));
    }

    /** The page of site {@code siteId}; 404 when the viewer has no such site. */
    SitePage site(Viewer viewer, long siteId) {
        Instant now = clock.instant();
        return transactions.read(handle -> {
            SiteStatus site = repository.siteOf(handle, viewer.userId(), siteId)
                    .orElseThrow(() -> new NotFoundException("No site with id " + siteId + "."));
            List<SiteView.AttackDay> days = attackDays(handle, siteId, now);
            List<SiteView.Software> software = SiteView.software(handle, siteId);
            List<SoftwareRow> rows = new ArrayList<>();
            for (SiteView.Software item : software) {
                rows.add(new SoftwareRow(item, EVALUATED.contains(item.type())
                        ? vulnerabilities.forSoftware(handle, siteId, item) : List.of()));
            }
            repository.databaseRows(handle, siteId)
                    .forEach(item -> rows.add(new SoftwareRow(item, List.of())));
            return new SitePage(viewer, card(site, days, software, now),
                    AttackChart.of(days, AttackChart.WIDE),
                    AttackChart.of(days, AttackChart.COMPACT),
                    repository.recentAttacks(handle, siteId, SitePage.RECENT_ATTACKS), rows);
        });
    }

    private static List<SiteView.AttackDay> attackDays(Handle handle, long siteId, Instant now) {
        return SiteView.attackDays(handle, siteId, LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    private static SiteCard card(SiteStatus site, List<SiteView.AttackDay> days,
            List<SiteView.Software> software, Instant now) {
        long lastWeek = days.subList(Math.max(0, days.size() - WEEK), days.size()).stream()
                .mapToLong(SiteView.AttackDay::count)
                .sum();
        int vulnerable = (int) software.stream().filter(SiteView.Software::isVulnerable).count();
        int outdated = (int) software.stream().filter(SiteView.Software::isOutdated).count();
        boolean checked = software.stream()
                .filter(item -> EVALUATED.contains(item.type()))
                .noneMatch(item -> "unknown".equals(item.vulnerabilityStatus()));
        return new SiteCard(site, site.connection(now), lastWeek, vulnerable, outdated,
                !software.isEmpty(), checked);
    }
}
