package io.bulwark.vulns.matching;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a Wordfence record's {@code software} list, as far as matching needs it.
 *
 * @param type {@code core}, {@code plugin} or {@code theme} as in the feed; any other value
 *     never matches
 * @param slug the slug as in the feed, compared exactly
 * @param intervals the values of {@code affected_versions}, in feed order (labels dropped);
 *     copied
 * @param patchedVersions {@code patched_versions}, shown to people, never used to match; copied
 */
public record WordfenceSoftware(String type, String slug, List<WordfenceInterval> intervals,
        List<String> patchedVersions) {
    /**
     * Validates and copies.
     *
     * @throws NullPointerException if any component or element is null
     */
    public WordfenceSoftware {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slug, "slug");
        intervals = List.copyOf(intervals);
        patchedVersions = List.copyOf(patchedVersions);
    }
}
