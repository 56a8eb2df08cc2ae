package io.bulwark.vulns.matching;

import java.util.List;
import java.util.Objects;

/**
 * The fields of a Patchstack vulnerability record that decide whether it affects an installed
 * component (patchstack-apis.md §3.2). The product type is left to the caller, which looks
 * records up by type before matching.
 *
 * @param slug {@code product_slug}, in any case
 * @param premiumName {@code product_name_premium}, or empty when the record has none (null in the
 *     feed)
 * @param affectedIn {@code affected_in} expression, as published; blank only when
 *     {@code patchedInRanges} is not empty
 * @param fixedIn {@code fixed_in}, or empty when not recorded
 * @param patchedInRanges {@code patched_in_ranges}, possibly empty; copied
 */
public record PatchstackRecord(String slug, String premiumName, String affectedIn, String fixedIn,
        List<PatchedRange> patchedInRanges) {
    /**
     * Validates and copies. A record that says nothing about affected versions could only ever
     * answer "not vulnerable", so it is refused rather than read as clean; an importer that gets
     * this exception skips and reports the record.
     *
     * @throws IllegalArgumentException if {@code affectedIn} is blank and there are no ranges
     * @throws NullPointerException if any component or range is null
     */
    public PatchstackRecord {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(premiumName, "premiumName");
        Objects.requireNonNull(affectedIn, "affectedIn");
        Objects.requireNonNull(fixedIn, "fixedIn");
        patchedInRanges = List.copyOf(patchedInRanges);
        if (PatchstackAffectedIn.phpTrim(affectedIn).isEmpty() && patchedInRanges.isEmpty()) {
            throw new IllegalArgumentException("Patchstack record for '" + slug
                    + "' has a blank affected_in and no patched_in_ranges: no affected version");
        }
    }
}
