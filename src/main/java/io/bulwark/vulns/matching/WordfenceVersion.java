package io.bulwark.vulns.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version string parsed and compared as Wordfence's scanner (wordfence-cli) does, for records
 * from the Wordfence Intelligence feed.
 *
 * <p>Design note. Parsing turns {@code _ - +} into dots and splits the text into maximal runs of
 * ASCII digits and maximal runs of other characters, dots being separators only; separators at
 * either end vanish and the empty string is one empty part. Each part gets a rank: other text (1)
 * &lt; {@code dev} (2) &lt; {@code alpha}/{@code a} (3) &lt; {@code beta}/{@code b} (4) &lt;
 * {@code RC}/{@code rc} (5) &lt; number (6) &lt; {@code pl}/{@code p} (7). Only those nine exact,
 * case-sensitive spellings are special, and nothing is trimmed, lower-cased or stripped: a
 * leading {@code v} is an ordinary word, so {@code v2.1} is below {@code 0.1}. Comparison is
 * lexicographic on (rank, numeric value), the shorter side padded with the number 0, so trailing
 * zeros never matter ({@code 7.0} = {@code 7.0.0}) while a missing number before a suffix does
 * ({@code 2.3.0-beta} &lt; {@code 2.3}). Numbers compare by value at any length. Unlike PHP's
 * comparison this is a consistent total preorder, but it is still not consistent with
 * {@code equals}, so this class is not {@link Comparable}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class WordfenceVersion {
    private static final int RANK_WORD = 1;
    private static final int RANK_NUMBER = 6;
    private static final Part PADDING = new Part("0", RANK_NUMBER);

    private final String text;
    private final List<Part> parts;

    private WordfenceVersion(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Parses any text; there is no invalid version.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static WordfenceVersion parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runIsDigits = false;
        for (int index = 0; index < text.length(); index++) {
            char current = text.charAt(index);
            boolean separator = current == '.' || current == '_' || current == '-'
                    || current == '+';
            boolean digit = isAsciiDigit(current);
            if (separator || !run.isEmpty() && digit != runIsDigits) {
                addPart(parts, run);
            }
            if (!separator) {
                run.append(current);
                runIsDigits = digit;
            }
        }
        addPart(parts, run);
        if (parts.isEmpty()) {
            parts.add(new Part("", RANK_WORD));
        }
        return new WordfenceVersion(text, List.copyOf(parts));
    }

    /**
     * Compares two version strings: -1, 0 or 1.
     *
     * @throws NullPointerException if either argument is null
     */
    public static int compare(String version1, String version2) {
        return parse(version1).compare(parse(version2));
    }

    /**
     * Compares this version with another: -1, 0 or 1.
     *
     * @throws NullPointerException if {@code other} is null
     */
    public int compare(WordfenceVersion other) {
        Objects.requireNonNull(other, "other");
        int length = Math.max(parts.size(), other.parts.size());
        for (int index = 0; index < length; index++) {
            Part mine = index < parts.size() ? parts.get(index) : PADDING;
            Part theirs = index < other.parts.size() ? other.parts.get(index) : PADDING;
            int result = mine.compare(theirs);
            if (result != 0) {
                return result;
            }
        }
        return 0;
    }

    /** The text this version was parsed from, unchanged. */
    public String text() {
        return text;
    }

    /** The texts of the parts, in order; numbers keep their leading zeros. Never empty. */
    public List<String> parts() {
        return parts.stream().map(Part::text).toList();
    }

    @Override
    public String toString() {
        return text;
    }

    private static void addPart(List<Part> parts, StringBuilder run) {
        if (run.isEmpty()) {
            return;
        }
        String part = run.toString();
        parts.add(new Part(part, rankOf(part)));
        run.setLength(0);
    }

    private static int rankOf(String part) {
        if (isAsciiDigit(part.charAt(0))) {
            return RANK_NUMBER;
        }
        return switch (part) {
            case "dev" -> 2;
            case "alpha", "a" -> 3;
            case "beta", "b" -> 4;
            case "RC", "rc" -> 5;
            case "pl", "p" -> 7;
            default -> RANK_WORD;
        };
    }

    /** Only '0'..'9': {@link Character#isDigit} would accept digits of other scripts. */
    private static boolean isAsciiDigit(char character) {
        return character >= '0' && character <= '9';
    }

    private record Part(String text, int rank) {
        int compare(Part other) {
            if (rank != other.rank) {
                return rank < other.rank ? -1 : 1;
            }
            if (rank != RANK_NUMBER) {
                return 0;
            }
            String mine = withoutLeadingZeros(text);
            String theirs = withoutLeadingZeros(other.text);
            if (mine.length() != theirs.length()) {
                return mine.length() < theirs.length() ? -1 : 1;
            }
            return Integer.signum(mine.compareTo(theirs));
        }

        private static String withoutLeadingZeros(String digits) {
            int start = 0;
            while (start < digits.length() - 1 && digits.charAt(start) == '0') {
                start++;
            }
            return digits.substring(start);
        }
    }
}
