package io.bulwark.vulns;

import io.bulwark.portal.MatchedVulnerability;
import io.bulwark.portal.VulnerabilityDetails;
import io.bulwark.sites.SiteView;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The matched records the portal shows beside an installed component, with their attribution
 * (vulnerabilities.md §4, §6): muted and informational records included and marked, the most
 * severe first. Records are read through their matches, so an edited title or score shows at
 * once.
 */
public final class PortalVulnerabilities implements VulnerabilityDetails {
    private static final Map<FeedFormat, String> SOURCES = Map.of(
            FeedFormat.WORDFENCE, "Wordfence Intelligence",
            FeedFormat.PATCHSTACK, "Patchstack");

    private final SiteVulnerabilities sites;

    public PortalVulnerabilities(SiteVulnerabilities sites) {
        this.sites = sites;
    }

    @Override
    public List<MatchedVulnerability> forSoftware(Handle handle, long siteId,
            SiteView.Software software) {
        // LIMITATION: two queries over the site's rows for each vulnerable component, because
        // the view's rows carry no position; fine for the dozens of components a site has,
        // a page of thousands would notice. Carrying the position in SiteView.Software fixes it.
        Set<Integer> positions = handle.createQuery("SELECT position, sw_type, name, slug, "
                        + "version FROM software_items WHERE site_id = :site")
                .bind("site", siteId)
                .map((row, ctx) -> row.getString(2).equals(software.type())
                        && row.getString(3).equals(software.name())
                        && Objects.equals(row.getString(4), software.slug())
                        && row.getString(5).equals(software.version()) ? row.getInt(1) : -1)
                .stream()
                .filter(position -> position >= 0)
                .collect(Collectors.toSet());

        Map<String, SiteVulnerabilities.Match> records = new LinkedHashMap<>();
        for (SiteVulnerabilities.Match match : sites.matches(handle, siteId)) {
            if (positions.contains(match.position())) {
                records.putIfAbsent(match.source().label() + ":" + match.recordId(), match);
            }
        }
        return records.values().stream()
                .sorted(Comparator.comparingDouble((SiteVulnerabilities.Match match) ->
                                -match.cvssScore().orElse(-1))
                        .thenComparing(SiteVulnerabilities.Match::title))
                .map(PortalVulnerabilities::shown)
                .toList();
    }

    private static MatchedVulnerability shown(SiteVulnerabilities.Match match) {
        return new MatchedVulnerability(match.title(), match.cves(),
                match.cvssScore().isPresent() ? Optional.of(match.cvssScore().getAsDouble())
                        : Optional.empty(),
                Optional.of(match.fixedIn()).filter(fix -> !fix.isEmpty()),
                Optional.of(match.link()).filter(link -> !link.isEmpty()),
                SOURCES.get(match.source()), match.notice(), match.informational(),
                match.muted());
    }
}
