package io.bulwark.vulns.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * PHP's {@code version_compare}, ported from {@code ext/standard/versioning.c} (PHP 8.2) so that
 * Patchstack-format records are evaluated exactly as Patchstack's PHP library evaluates them.
 *
 * <p>Design note. The port stays close to the C code on purpose: it works on the UTF-8 bytes of
 * the arguments (PHP strings are bytes; see {@link PhpCanonicalForm}), stops at the first NUL
 * byte (the C code sees a C string), compares parts numerically when both start with a digit
 * (like {@code strtol}, saturating at {@link Long#MAX_VALUE}) and otherwise by the rank of their
 * special-form prefix ({@code dev} &lt; {@code alpha}/{@code a} &lt; {@code beta}/{@code b} &lt;
 * {@code RC}/{@code rc} &lt; number or {@code #} &lt; {@code pl}/{@code p}, anything else lowest),
 * and keeps the {@code #N#} sentinel recursion of the tail rule. A string that starts with
 * {@code #} is not canonicalised, as in PHP. Every quirk that follows from this
 * is intended: {@code "1.0."} is below {@code "1.0"}, {@code "1.2(x)"} is below itself, and two
 * numbers of twenty digits compare equal. Because the order is neither reflexive nor total this
 * class deliberately offers no {@link java.util.Comparator}; never sort or index with it.
 *
 * <p>All methods are pure and thread-safe; arguments must be non-null.
 */
public final class PhpVersionCompare {
    private static final byte[] NUMBER_SENTINEL = {'#', 'N', '#'};
    private static final List<SpecialForm> SPECIAL_FORMS = List.of(
            new SpecialForm("dev", 0),
            new SpecialForm("alpha", 1),
            new SpecialForm("a", 1),
            new SpecialForm("beta", 2),
            new SpecialForm("b", 2),
            new SpecialForm("RC", 3),
            new SpecialForm("rc", 3),
            new SpecialForm("#", 4),
            new SpecialForm("pl", 5),
            new SpecialForm("p", 5));

    private PhpVersionCompare() {
    }

    /**
     * Returns -1, 0 or 1 as {@code version_compare($version1, $version2)} does.
     *
     * @throws NullPointerException if either argument is null
     */
    public static int compare(String version1, String version2) {
        Objects.requireNonNull(version1, "version1");
        Objects.requireNonNull(version2, "version2");
        return compareBytes(PhpCanonicalForm.bytesOf(version1),
                PhpCanonicalForm.bytesOf(version2));
    }

    /**
     * Returns what {@code version_compare($version1, $version2, $operator)} returns. The operator
     * must be one of PHP 8's exact spellings: {@code < lt <= le > gt >= ge == = eq != <> ne}.
     *
     * @throws IllegalArgumentException if the operator is not one of those spellings (PHP 8
     *     throws a {@code ValueError} there)
     * @throws NullPointerException if any argument is null
     */
    public static boolean compare(String version1, String version2, String operator) {
        Objects.requireNonNull(operator, "operator");
        return switch (operator) {
            case "<", "lt" -> compare(version1, version2) == -1;
            case "<=", "le" -> compare(version1, version2) != 1;
            case ">", "gt" -> compare(version1, version2) == 1;
            case ">=", "ge" -> compare(version1, version2) != -1;
            case "==", "=", "eq" -> compare(version1, version2) == 0;
            case "!=", "<>", "ne" -> compare(version1, version2) != 0;
            default -> throw new IllegalArgumentException("Unknown version_compare operator '"
                    + operator + "': must be one of < lt <= le > gt >= ge == = eq != <> ne");
        };
    }

    private static int compareBytes(byte[] original1, byte[] original2) {
        if (original1.length == 0 || original2.length == 0) {
            if (original1.length == 0 && original2.length == 0) {
                return 0;
            }
            return original1.length > 0 ? 1 : -1;
        }
        byte[] version1 = canonicalOf(original1);
        byte[] version2 = canonicalOf(original2);

        // p = start of the current part, n = index of the dot ending it or -1 (C's NULL).
        int p1 = 0;
        int p2 = 0;
        int n1 = 0;
        int n2 = 0;
        int result = 0;
        while (p1 < version1.length && p2 < version2.length && n1 != -1 && n2 != -1) {
            n1 = indexOfDot(version1, p1);
            n2 = indexOfDot(version2, p2);
            int end1 = n1 == -1 ? version1.length : n1;
            int end2 = n2 == -1 ? version2.length : n2;
            result = compareParts(version1, p1, end1, version2, p2, end2);
            if (result != 0) {
                break;
            }
            if (n1 != -1) {
                p1 = n1 + 1;
            }
            if (n2 != -1) {
                p2 = n2 + 1;
            }
        }

        if (result != 0) {
            return result;
        }
        if (n1 != -1) {
            return compareLeftover(version1, p1);
        }
        return n2 != -1 ? -compareLeftover(version2, p2) : 0;
    }

    /** PHP does not canonicalise a version that starts with {@code #}, such as {@code #N#}. */
    private static byte[] canonicalOf(byte[] original) {
        return original[0] == '#' ? original : PhpCanonicalForm.canonicalize(original);
    }

    /**
     * The tail rule: the side with parts left is greater if the next one is a number, otherwise
     * its rest is compared with a number ({@code 1.0-beta} &lt; {@code 1.0} &lt; {@code 1.0-pl}).
     */
    private static int compareLeftover(byte[] version, int start) {
        if (startsWithDigit(version, start, version.length)) {
            return 1;
        }
        return compareBytes(Arrays.copyOfRange(version, start, version.length), NUMBER_SENTINEL);
    }

    private static int compareParts(byte[] v1, int start1, int end1, byte[] v2, int start2,
            int end2) {
        boolean digit1 = startsWithDigit(v1, start1, end1);
        boolean digit2 = startsWithDigit(v2, start2, end2);
        if (digit1 && digit2) {
            return Long.compare(strtol(v1, start1, end1), strtol(v2, start2, end2));
        }
        if (!digit1 && !digit2) {
            return Integer.compare(specialRank(v1, start1, end1), specialRank(v2, start2, end2));
        }
        int numberRank = specialRank(NUMBER_SENTINEL, 0, NUMBER_SENTINEL.length);
        return digit1
                ? Integer.compare(numberRank, specialRank(v2, start2, end2))
                : Integer.compare(specialRank(v1, start1, end1), numberRank);
    }

    private static int specialRank(byte[] text, int start, int end) {
        for (SpecialForm form : SPECIAL_FORMS) {
            if (form.isPrefixOf(text, start, end)) {
                return form.rank();
            }
        }
        return -1;
    }

    /** C's {@code strtol} on a part that starts with a digit: leading digits, saturating. */
    private static long strtol(byte[] text, int start, int end) {
        long value = 0;
        for (int index = start; index < end && PhpCanonicalForm.isDigit(text[index]); index++) {
            int digit = text[index] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return Long.MAX_VALUE;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int indexOfDot(byte[] text, int from) {
        for (int index = from; index < text.length; index++) {
            if (text[index] == '.') {
                return index;
            }
        }
        return -1;
    }

    private static boolean startsWithDigit(byte[] text, int start, int end) {
        return start < end && PhpCanonicalForm.isDigit(text[start]);
    }

    private record SpecialForm(String name, int rank) {
        boolean isPrefixOf(byte[] text, int start, int end) {
            if (end - start < name.length()) {
                return false;
            }
            for (int index = 0; index < name.length(); index++) {
                if (text[start + index] != name.charAt(index)) {
                    return false;
                }
            }
            return true;
        }
    }
}
