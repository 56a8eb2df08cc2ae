package io.bulwark.vulns;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One advisory as read from a feed, with its attribution.
 *
 * @param source the feed it came from
 * @param recordId the Wordfence UUID key or the Patchstack integer id, as text
 * @param title the advisory's title
 * @param cves CVE ids with their {@code CVE-} prefix; copied
 * @param cvssScore the CVSS base score, when the feed gives one
 * @param cvssRating the feed's rating word ({@code Low}, ...), or empty
 * @param informational whether the feed flags the record as informational (it then sets no flag)
 * @param link the record's page, or empty (also when the feed gives no http(s) link)
 * @param notice the copyright and licence text that came with the record, or empty
 * @param entries the software entries in feed order; copied
 */
public record FeedRecord(
        FeedFormat source,
        String recordId,
        String title,
        List<String> cves,
        OptionalDouble cvssScore,
        String cvssRating,
        boolean informational,
        String link,
        String notice,
        List<FeedEntry> entries) {
    /** @throws NullPointerException if a component is null */
    public FeedRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(title, "title");
        cves = List.copyOf(cves);
        Objects.requireNonNull(cvssScore, "cvssScore");
        Objects.requireNonNull(cvssRating, "cvssRating");
        Objects.requireNonNull(link, "link");
        // The portal writes the link into an href: only web links are kept.
        link = link.strip().matches("(?i)https?://\\S+") ? link.strip() : "";
        Objects.requireNonNull(notice, "notice");
        entries = List.copyOf(entries);
    }
}
