package io.bulwark.sites;

import io.bulwark.users.User;
import io.bulwark.web.WireTimes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shapes of sites. */
final class SiteJson {
    private SiteJson() {
    }

    static Map<String, Object> created(SiteService.Added.Created created) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", "The site has been added.");
        json.put("siteid", created.siteId());
        json.put("api", api(created.api()));
        return json;
    }

    static Map<String, Object> duplicate(SiteService.Added.Duplicate duplicate) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", "The site " + duplicate.url() + " has already been added.");
        json.put("code", "site_exists");
        return json;
    }

    static List<Map<String, Object>> found(List<SiteService.Found> hits) {
        return hits.stream().map(hit -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("siteid", hit.siteId());
            json.put("url", hit.url());
            json.put("api", api(hit.api()));
            return json;
        }).toList();
    }

    static Map<String, Object> view(SiteView.Report report, SiteService.Credentials api) {
        User owner = report.owner().user();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", owner.id());
        user.put("name", owner.name());
        user.put("email", owner.email());
        user.put("created_at", WireTimes.iso(owner.createdAt()));
        user.put("site_count", report.owner().siteCount());
        user.put("blocked_attacks", report.owner().blockedAttacks());
        List<Map<String, Object>> software = report.software().stream()
                .map(SiteJson::software).toList();
        long outdated = report.software().stream().filter(SiteView.Software::isOutdated).count();
        long vulnerable = report.software().stream()
                .filter(SiteView.Software::isVulnerable).count();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", report.site().id());
        json.put("url", report.site().url());
        json.put("created_at", WireTimes.day(report.site().createdAt()));
        json.put("user", user);
        json.put("attacks", report.attacks().stream().map(day -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("num", day.count());
            row.put("dateday", day.day().toString());
            return row;
        }).toList());
        json.put("api", api(api));
        json.put("software", software);
        json.put("has_vuln_plugin", vulnerable > 0 ? 1 : 0);
        json.put("software_outdated", outdated);
        json.put("software_vulnerable", vulnerable);
        json.put("vulnerabilities_as_of",
                report.vulnerabilitiesAsOf().map(WireTimes::iso).orElse(null));
        return json;
    }

    private static Map<String, Object> software(SiteView.Software row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", row.name());
        json.put("type", row.type());
        json.put("version", row.version());
        json.put("version_new", row.versionNew());
        json.put("slug", row.slug());
        json.put("is_active", row.isActive());
        json.put("is_outdated", row.isOutdated());
        json.put("is_vulnerable", row.isVulnerable());
        json.put("vulnerability_status", row.vulnerabilityStatus());
        return json;
    }

    private static Map<String, Object> api(SiteService.Credentials api) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", api.id());
        json.put("secret", api.secret());
        return json;
    }
}
