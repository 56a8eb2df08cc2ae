package io.bulwark.vulns;

import java.util.Objects;

/**
 * A record matching one software row, as stored in {@code vuln_matches}.
 *
 * @param siteId the site
 * @param position the software row
 * @param source the record's feed
 * @param recordId the record's id there
 * @param fixedIn the fix of the matching entry and interval or branch, or empty
 */
record RowMatch(long siteId, int position, FeedFormat source, String recordId, String fixedIn) {
    RowMatch {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(fixedIn, "fixedIn");
    }
}
