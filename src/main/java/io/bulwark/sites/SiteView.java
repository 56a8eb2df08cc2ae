package io.bulwark.sites;

import io.bulwark.users.UserService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Everything {@code site/{id}/view} shows, read in one handle: the owner's figures, 32 days of
 * attack totals with zero days filled in, and the latest inventory without its database row.
 */
public final class SiteView {
    static final int ATTACK_DAYS = 32;
    private static final List<String> TYPE_ORDER = List.of("php", "plugin", "theme", "wordpress");

    /** One software row of the view. */
    public record Software(
            String name,
            String type,
            String version,
            String versionNew,
            String slug,
            boolean isActive,
            String vulnerabilityStatus) {
        public boolean isOutdated() {
            return versionNew != null;
        }

        public boolean isVulnerable() {
            return "vulnerable".equals(vulnerabilityStatus);
        }
    }

    /** One day of blocked requests. */
    public record AttackDay(LocalDate day, long count) {
    }

    /** The whole view. */
    public record Report(
            Site site,
            UserService.Summary owner,
            List<AttackDay> attacks,
            List<Software> software,
            Optional<Instant> vulnerabilitiesAsOf) {
    }

    /** The attack totals of the 32 UTC days ending {@code today}, oldest first. */
    public static List<AttackDay> attackDays(Handle handle, long siteId, LocalDate today) {
        LocalDate first = today.minusDays(ATTACK_DAYS - 1);
        Map<String, Long> counts = new HashMap<>();
        handle.createQuery("SELECT day, num FROM attack_days WHERE site_id = :site "
                        + "AND day >= :first AND day <= :last")
                .bind("site", siteId)
                .bind("first", first.toString())
                .bind("last", today.toString())
                .map((row, ctx) -> Map.entry(row.getString("day"), row.getLong("num")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        List<AttackDay> days = new ArrayList<>(ATTACK_DAYS);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            days.add(new AttackDay(day, counts.getOrDefault(day.toString(), 0L)));
        }
        return days;
    }

    /** The latest inventory shown by the Hosting API: no database row, in the documented order. */
    public static List<Software> software(Handle handle, long siteId) {
        List<Software> rows = handle.createQuery("SELECT name, sw_type, version, version_new, "
                        + "slug, is_active, vulnerability_status FROM software_items "
                        + "WHERE site_id = :site AND sw_type <> 'database'")
                .bind("site", siteId)
                .map((row, ctx) -> new Software(row.getString("name"), row.getString("sw_type"),
                        row.getString("version"), row.getString("version_new"),
                        row.getString("slug"), row.getBoolean("is_active"),
                        row.getString("vulnerability_status")))
                .list();
        return rows.stream()
                .sorted(Comparator.comparingInt((Software row) -> typeRank(row.type()))
                        .thenComparing(Software::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    static Report report(Handle handle, Site site, UserService.Summary owner, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return new Report(site, owner, attackDays(handle, site.id(), today),
                software(handle, site.id()), site.vulnerabilitiesAsOf());
    }

    private static int typeRank(String type) {
        int rank = TYPE_ORDER.indexOf(type);
        return rank < 0 ? TYPE_ORDER.size() : rank;
    }
}
