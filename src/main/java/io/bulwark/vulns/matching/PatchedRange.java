package io.bulwark.vulns.matching;

import java.util.Objects;

/**
 * One entry of a Patchstack record's {@code patched_in_ranges}: within one release branch, the
 * versions {@code fromVersion} to {@code toVersion} (both inclusive, compared with PHP's
 * {@code version_compare} after the library's normalisation) are vulnerable and
 * {@code fixedIn} fixed them there.
 *
 * @param fromVersion lowest vulnerable version of the branch; not blank
 * @param toVersion highest vulnerable version of the branch; not blank, not below
 *     {@code fromVersion}
 * @param fixedIn version that fixed the branch, or empty when not recorded
 */
public record PatchedRange(String fromVersion, String toVersion, String fixedIn) {
    /**
     * Validates the range. A range is never repaired: an importer that gets this exception skips
     * and reports the record.
     *
     * @throws IllegalArgumentException if a bound is blank or {@code fromVersion} is above
     *     {@code toVersion}
     * @throws NullPointerException if any component is null
     */
    public PatchedRange {
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(fixedIn, "fixedIn");
        if (PatchstackAffectedIn.phpTrim(fromVersion).isEmpty()
                || PatchstackAffectedIn.phpTrim(toVersion).isEmpty()) {
            throw new IllegalArgumentException("patched_in_ranges bounds must not be blank: from '"
                    + fromVersion + "', to '" + toVersion + "'");
        }
        String from = PatchstackAffectedIn.normalize(fromVersion);
        String to = PatchstackAffectedIn.normalize(toVersion);
        if (PhpVersionCompare.compare(from, to) > 0) {
            throw new IllegalArgumentException("patched_in_ranges from_version '" + fromVersion
                    + "' is above its to_version '" + toVersion + "'");
        }
    }
}
