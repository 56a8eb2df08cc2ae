package io.bulwark.vulns;

import io.bulwark.vulns.matching.PhpVersionCompare;
import io.bulwark.vulns.matching.WordfenceVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Reads what was decided for a site: the plugin's {@code vulnerable} reply (vulnerabilities.md
 * §5) and the matches with their records' attribution, for the portal.
 */
public final class SiteVulnerabilities {
    /**
     * The figures of the plugin's software reply.
     *
     * @param known false while any plugin, theme or core row is unknown; the counters are then
     *     omitted from the reply
     * @param vulnerablePlugins the {@code sw_key} of every plugin in state vulnerable; copied
     * @param vulnerabilityCount distinct flagging records matched by any row
     * @param fixCount those of them with a fixed version newer than the installed one
     */
    public record Summary(boolean known, List<String> vulnerablePlugins, int vulnerabilityCount,
            int fixCount) {
        public Summary {
            vulnerablePlugins = List.copyOf(vulnerablePlugins);
        }
    }

    /**
     * One record matching one software row, with what the portal shows about it.
     *
     * @param position the software row
     * @param source the record's feed
     * @param recordId the record's id there
     * @param title the record's current title
     * @param cves CVE ids; copied
     * @param cvssScore the CVSS score, when known
     * @param fixedIn the fix of the matching range, or empty
     * @param link the record's page, or empty
     * @param notice the copyright and licence text that came with the record, or empty
     * @param informational whether the record is informational (sets no flag)
     * @param muted whether an operator muted it (sets no flag)
     */
    public record Match(int position, FeedFormat source, String recordId, String title,
            List<String> cves, OptionalDouble cvssScore, String fixedIn, String link,
            String notice, boolean informational, boolean muted) {
        public Match {
            Objects.requireNonNull(source, "source");
            cves = List.copyOf(cves);
        }

        /** Whether this match raises the row's state. */
        public boolean flags() {
            return !informational && !muted;
        }
    }

    /** The reply figures of the site's stored rows and matches. */
    public Summary summary(Handle handle, long siteId) {
        Map<Integer, Row> rows = new HashMap<>();
        handle.createQuery("SELECT position, sw_type, file, slug, version, vulnerability_status "
                        + "FROM software_items WHERE site_id = :site")
                .bind("site", siteId)
                .map((row, ctx) -> new Row(row.getInt(1), row.getString(2),
                        firstOf(row.getString(3), row.getString(4)), row.getString(5),
                        row.getString(6)))
                .forEach(row -> rows.put(row.position(), row));
        boolean known = rows.values().stream().noneMatch(row -> row.isCoverable()
                && row.status().equals(VulnerabilityState.UNKNOWN.label()));
        List<String> plugins = rows.values().stream()
                .filter(row -> row.type().equals("plugin")
                        && row.status().equals(VulnerabilityState.VULNERABLE.label()))
                .sorted((left, right) -> Integer.compare(left.position(), right.position()))
                .map(Row::key)
                .toList();

        Set<String> records = new LinkedHashSet<>();
        Set<String> fixable = new LinkedHashSet<>();
        for (Match match : matches(handle, siteId)) {
            Row row = rows.get(match.position());
            if (!match.flags() || row == null) {
                continue;
            }
            String record = match.source().label() + ":" + match.recordId();
            records.add(record);
            if (!match.fixedIn().isEmpty() && isNewer(match.source(), match.fixedIn(),
                    row.version())) {
                fixable.add(record);
            }
        }
        return new Summary(known, plugins, records.size(), fixable.size());
    }

    /** The site's matches, by row position and then feed and record id. */
    public List<Match> matches(Handle handle, long siteId) {
        List<Match> matches = new ArrayList<>();
        handle.createQuery("SELECT m.position, m.source, m.record_id, r.title, r.cve, "
                        + "r.cvss_score, m.fixed_in, r.link, r.notice, r.informational, "
                        + "u.record_id AS muted FROM vuln_matches m JOIN vuln_records r "
                        + "ON r.source = m.source AND r.record_id = m.record_id "
                        + "LEFT JOIN vuln_mutes u ON u.source = m.source "
                        + "AND u.record_id = m.record_id WHERE m.site_id = :site "
                        + "ORDER BY m.position, m.source, m.record_id")
                .bind("site", siteId)
                .map((row, ctx) -> {
                    double score = row.getDouble(6);
                    OptionalDouble cvss = row.wasNull() ? OptionalDouble.empty()
                            : OptionalDouble.of(score);
                    String cve = row.getString(5);
                    return new Match(row.getInt(1), FeedFormat.of(row.getString(2)),
                            row.getString(3), row.getString(4),
                            cve.isEmpty() ? List.of() : List.of(cve.split(",")), cvss,
                            row.getString(7), row.getString(8), row.getString(9),
                            row.getBoolean(10), row.getString(11) != null);
                })
                .forEach(matches::add);
        return matches;
    }

    /** Compares as the record's source does; Patchstack lower-cases and drops one leading v. */
    private static boolean isNewer(FeedFormat source, String fixedIn, String installed) {
        String version = installed.trim();
        if (source == FeedFormat.WORDFENCE) {
            return WordfenceVersion.compare(fixedIn, version) > 0;
        }
        return PhpVersionCompare.compare(patchstackForm(fixedIn), patchstackForm(version)) > 0;
    }

    private static String patchstackForm(String version) {
        String lower = version.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("v") ? lower.substring(1) : lower;
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isEmpty() ? first : second == null ? "" : second;
    }

    private record Row(int position, String type, String key, String version, String status) {
        boolean isCoverable() {
            return type.equals("plugin") || type.equals("theme") || type.equals("wordpress");
        }
    }
}
