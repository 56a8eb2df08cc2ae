package io.bulwark.vulns.matching;

import java.util.List;
import java.util.Objects;

/**
 * Decides whether a Patchstack-format record affects an installed component, with the rules of
 * Patchstack's own library plus Bulwark's branch rule for back-ported fixes.
 *
 * <p>Design note. Matching runs in two steps that callers keep apart, because PHP's comparison is
 * no order to index by: {@link #applies} selects records by slug and premium name, then
 * {@link #evaluate} looks at the version. Slugs are compared after ASCII lower-casing of both
 * sides, as the library does; the product type is matched by the caller, which maps its own
 * component types to {@code product_type}. {@code evaluate} works in this order:
 * <ol>
 *   <li>An installed version that is empty after PHP's {@code trim} is {@link MatchState#UNKNOWN}:
 *       the library would answer "not vulnerable" without knowing.</li>
 *   <li>A version inside a {@code patched_in_ranges} span ({@code from <= v <= to}) is vulnerable,
 *       fixed by that span's {@code fixed_in}.</li>
 *   <li>A version of the same branch as a span (the same first two numeric parts as the span's
 *       {@code from_version}, in PHP's canonical form) but outside every span is not vulnerable.
 *       A {@code from_version} without two leading numeric parts defines no branch.</li>
 *   <li>Any other version is judged by {@code affected_in} ({@link PatchstackAffectedIn}).</li>
 * </ol>
 * Letting the spans override {@code affected_in} for every version, as Patchstack's documented
 * recipe does, would clear whole releases outside the listed branches.
 */
public final class PatchstackMatcher {
    private final PatchstackStrategy strategy;
    private final PatchstackAffectedIn affectedIn;

    /**
     * Creates a matcher; Bulwark uses {@link PatchstackStrategy#STANDARD}.
     *
     * @throws NullPointerException if {@code strategy} is null
     */
    public PatchstackMatcher(PatchstackStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.affectedIn = new PatchstackAffectedIn(strategy);
    }

    /**
     * Whether the record is about this component: the slugs are equal after ASCII lower-casing,
     * and the record's premium name, when not blank, equals the installed name once HTML entities
     * are decoded and both are trimmed.
     *
     * @param installedName the product name from the component's header, or empty
     * @throws NullPointerException if any argument is null
     */
    public boolean applies(PatchstackRecord record, String installedSlug, String installedName) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(installedSlug, "installedSlug");
        Objects.requireNonNull(installedName, "installedName");
        String recordSlug = PatchstackAffectedIn.asciiLowerCase(record.slug());
        if (!recordSlug.equals(PatchstackAffectedIn.asciiLowerCase(installedSlug))) {
            return false;
        }
        String premiumName = comparableName(record.premiumName());
        return premiumName.isEmpty() || premiumName.equals(comparableName(installedName));
    }

    /**
     * Whether the record affects the installed version, assuming {@link #applies} holds.
     *
     * @param installedVersion the version as reported; empty when the component declares none
     * @throws NullPointerException if any argument is null
     */
    public PatchstackVerdict evaluate(PatchstackRecord record, String installedVersion) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(installedVersion, "installedVersion");
        String trimmed = PatchstackAffectedIn.phpTrim(installedVersion);
        if (trimmed.isEmpty()) {
            return new PatchstackVerdict.Unknown("the installed version is empty");
        }

        String version = PatchstackAffectedIn.normalize(trimmed);
        for (PatchedRange range : record.patchedInRanges()) {
            if (spanContains(range, version)) {
                return new PatchstackVerdict.Vulnerable(range.fixedIn());
            }
        }
        List<String> branch = branchOf(version);
        for (PatchedRange range : record.patchedInRanges()) {
            String from = PatchstackAffectedIn.normalize(range.fromVersion());
            if (!branch.isEmpty() && branch.equals(branchOf(from))) {
                return new PatchstackVerdict.NotVulnerable();
            }
        }

        return affectedIn.isVulnerable(trimmed, record.affectedIn())
                ? new PatchstackVerdict.Vulnerable(record.fixedIn())
                : new PatchstackVerdict.NotVulnerable();
    }

    private boolean spanContains(PatchedRange range, String version) {
        String from = PatchstackAffectedIn.normalize(range.fromVersion());
        String to = PatchstackAffectedIn.normalize(range.toVersion());
        return strategy.compare(version, from, ">=") && strategy.compare(version, to, "<=");
    }

    private static String comparableName(String name) {
        return PatchstackAffectedIn.phpTrim(HtmlEntities.decode(name));
    }

    /**
     * The first two parts of PHP's canonical form as numbers without leading zeros, or an empty
     * list when either is missing or not numeric ({@code 3.5.0-beta} gives 3, 5; {@code 3}
     * gives none).
     */
    private static List<String> branchOf(String version) {
        List<String> parts = PhpCanonicalForm.parts(version);
        if (parts.size() < 2 || !isNumber(parts.get(0)) || !isNumber(parts.get(1))) {
            return List.of();
        }
        return List.of(withoutLeadingZeros(parts.get(0)), withoutLeadingZeros(parts.get(1)));
    }

    private static boolean isNumber(String part) {
        return !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String withoutLeadingZeros(String digits) {
        String stripped = digits.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }
}
