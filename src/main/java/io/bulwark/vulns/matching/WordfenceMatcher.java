package io.bulwark.vulns.matching;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a Wordfence Intelligence record affects an installed item, exactly as
 * Wordfence's scanner (wordfence-cli) decides it.
 *
 * <p>Design note. A record's software entries are selected by exact, case-sensitive equality of
 * type and slug; entries with the same type and slug are alternatives, and so are the intervals
 * of each ({@link WordfenceInterval}). WordPress core is looked up by the caller as type
 * {@code core}, slug {@code wordpress}; entries of any other type ({@code wpmu}) never match.
 * The installed version is trimmed once, of the white space Python's {@code str.strip} removes,
 * and otherwise used as is (no lower-casing, no {@code v} removal). Bulwark's policy differs from
 * the scanner in one place: an empty version is {@link MatchState#UNKNOWN}, where the scanner
 * would call it affected by nearly every interval without a lower bound. Whether a match raises
 * a flag ({@code informational} records, mutes) is decided by the caller; patched versions,
 * labels and titles never take part in the match.
 */
public final class WordfenceMatcher {
    private static final Set<String> TYPES = Set.of("core", "plugin", "theme");

    /**
     * Evaluates one record for one installed item.
     *
     * @param software the record's software entries, in feed order
     * @param type the item's type: {@code core}, {@code plugin} or {@code theme}
     * @param slug the item's slug: folder name, single-file name without {@code .php}, theme
     *     directory, or {@code wordpress} for core
     * @param installedVersion the version as reported; empty when the item declares none
     * @throws IllegalArgumentException if {@code type} is not one of the three types
     * @throws NullPointerException if any argument or entry is null
     */
    public WordfenceVerdict evaluate(List<WordfenceSoftware> software, String type, String slug,
            String installedVersion) {
        Objects.requireNonNull(software, "software");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(installedVersion, "installedVersion");
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("Installed type '" + type
                    + "' is not one Wordfence records cover: core, plugin or theme");
        }
        List<WordfenceSoftware> entries = software.stream()
                .filter(entry -> entry.type().equals(type) && entry.slug().equals(slug))
                .toList();
        if (entries.isEmpty()) {
            return new WordfenceVerdict.NotVulnerable();
        }

        String version = stripPythonWhitespace(installedVersion);
        if (version.isEmpty()) {
            return new WordfenceVerdict.Unknown("the installed version is empty");
        }

        for (WordfenceSoftware entry : entries) {
            for (WordfenceInterval interval : entry.intervals()) {
                if (interval.contains(version)) {
                    return new WordfenceVerdict.Vulnerable(entry, interval);
                }
            }
        }
        return new WordfenceVerdict.NotVulnerable();
    }

    /** As Python's {@code str.strip()}: what {@code str.isspace()} accepts, at both ends. */
    private static String stripPythonWhitespace(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isPythonWhitespace(char character) {
        return Character.isWhitespace(character) || Character.isSpaceChar(character)
                || character == '\u0085';
    }
}
