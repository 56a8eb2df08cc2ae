package io.bulwark.vulns.matching;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code affected_in} grammar of Patchstack's {@code version-compare} library (as of its
 * hardened release): {@code *}, {@code < X}, {@code <= X}, comma lists whose items are themselves
 * expressions, inclusive numeric ranges {@code A-B}, and otherwise one exact version.
 *
 * <p>Design note. The order of the checks is the library's and changes answers, so it is kept:
 * trim (PHP's {@code trim} characters only), empty means "not vulnerable", {@code *}, comma split
 * on the trimmed text, then normalisation (ASCII lower case, one leading {@code v} removed) of
 * both sides, then operator, range and exact forms. An operator is recognised only at the start
 * and only as {@code <} or {@code <=}; text after the bound's first run of non-space characters is
 * ignored ({@code "< 1.1 beta"} compares against {@code 1.1}). {@code >}, {@code >=} and
 * {@code =} fall through to the exact form and so match nothing in practice. A range needs
 * purely numeric dotted ends. The exact form is string equality after normalisation, never
 * version equality ({@code 1.0} does not match {@code 1.0.0}). Drupal's {@code 8.x-} prefixes are
 * not handled: Bulwark only sees WordPress components.
 */
public final class PatchstackAffectedIn {
    private static final Pattern OPERATOR_FORM = Pattern.compile("^(<=?)\\s*(\\S+)");
    private static final Pattern RANGE_FORM =
            Pattern.compile("\\d+(?:\\.\\d+)*\\s*-\\s*\\d+(?:\\.\\d+)*");

    private final PatchstackStrategy strategy;

    /**
     * Creates a matcher that compares versions with the given strategy.
     *
     * @throws NullPointerException if {@code strategy} is null
     */
    public PatchstackAffectedIn(PatchstackStrategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /**
     * Returns what the library's {@code isVulnerable(current, affectedIn)} returns: false for an
     * empty or blank current version or expression.
     *
     * @throws NullPointerException if either argument is null
     */
    public boolean isVulnerable(String currentVersion, String affectedIn) {
        String current = phpTrim(Objects.requireNonNull(currentVersion, "currentVersion"));
        String expression = phpTrim(Objects.requireNonNull(affectedIn, "affectedIn"));
        if (current.isEmpty() || expression.isEmpty()) {
            return false;
        }
        if (expression.equals("*")) {
            return true;
        }
        if (expression.indexOf(',') >= 0) {
            for (String item : expression.split(",", -1)) {
                if (isVulnerable(current, phpTrim(item))) {
                    return true;
                }
            }
            return false;
        }

        String version = normalize(current);
        String normalized = normalize(expression);
        Matcher operator = OPERATOR_FORM.matcher(normalized);
        if (operator.find()) {
            return strategy.compare(version, operator.group(2), operator.group(1));
        }
        if (RANGE_FORM.matcher(normalized).matches()) {
            int dash = normalized.indexOf('-');
            return strategy.compare(version, phpTrim(normalized.substring(0, dash)), ">=")
                    && strategy.compare(version, phpTrim(normalized.substring(dash + 1)), "<=");
        }
        return version.equals(normalized);
    }

    /** The library's normaliser: PHP trim, ASCII lower case, then one leading {@code v} removed. */
    static String normalize(String version) {
        String lowered = asciiLowerCase(phpTrim(version));
        return lowered.startsWith("v") ? lowered.substring(1) : lowered;
    }

    /** PHP's {@code trim}: removes space, tab, LF, CR, NUL and vertical tab at both ends. */
    static String phpTrim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPhpWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPhpWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /** PHP 8.2's {@code strtolower}: ASCII letters only, whatever the locale. */
    static String asciiLowerCase(String text) {
        StringBuilder lowered = new StringBuilder(text.length());
        for (int index = 0; index < text.length(); index++) {
            char current = text.charAt(index);
            lowered.append(current >= 'A' && current <= 'Z' ? (char) (current + 32) : current);
        }
        return lowered.toString();
    }

    private static boolean isPhpWhitespace(char character) {
        return character == ' ' || character == '\t' || character == '\n' || character == '\r'
                || character == '\0' || character == '\u000B';
    }
}
