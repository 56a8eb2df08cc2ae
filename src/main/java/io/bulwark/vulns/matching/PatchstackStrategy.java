package io.bulwark.vulns.matching;

import java.util.Arrays;
import java.util.Objects;

/**
 * The two version comparisons of Patchstack's {@code version-compare} library.
 *
 * <p>{@link #STANDARD} is PHP's {@code version_compare} and is what Bulwark uses: the library
 * picks {@link #DECIMAL_NORMALIZED} only for records carrying an internal
 * {@code abnormal_version} flag that no public Patchstack API exposes. The decimal variant is kept
 * so that the library's own answers can be reproduced and compared.
 */
public enum PatchstackStrategy {
    /** PHP {@code version_compare} on the strings as given. */
    STANDARD,
    /**
     * Splits both strings at literal dots, pads the shorter with {@code "0"} segments, right-pads
     * each pair of all-digit segments with zeros to equal length ({@code 5} against {@code 41}
     * becomes {@code 50}), then applies {@code version_compare}. So {@code 3.5 > 3.41} but also
     * {@code 3.10 < 3.9}.
     */
    DECIMAL_NORMALIZED;

    /**
     * Returns -1, 0 or 1; not a total order (see {@link PhpVersionCompare}).
     *
     * @throws NullPointerException if either argument is null
     */
    public int compare(String version1, String version2) {
        Objects.requireNonNull(version1, "version1");
        Objects.requireNonNull(version2, "version2");
        if (this == STANDARD) {
            return PhpVersionCompare.compare(version1, version2);
        }
        String[] padded = padSegments(version1, version2);
        return PhpVersionCompare.compare(padded[0], padded[1]);
    }

    /**
     * Applies a {@code version_compare} operator ({@code <}, {@code <=}, {@code >=}, ...).
     *
     * @throws IllegalArgumentException if the operator is not one PHP 8 accepts
     * @throws NullPointerException if any argument is null
     */
    public boolean compare(String version1, String version2, String operator) {
        Objects.requireNonNull(version1, "version1");
        Objects.requireNonNull(version2, "version2");
        if (this == STANDARD) {
            return PhpVersionCompare.compare(version1, version2, operator);
        }
        String[] padded = padSegments(version1, version2);
        return PhpVersionCompare.compare(padded[0], padded[1], operator);
    }

    private static String[] padSegments(String version1, String version2) {
        String[] segments1 = version1.split("\\.", -1);
        String[] segments2 = version2.split("\\.", -1);
        int count = Math.max(segments1.length, segments2.length);
        segments1 = padWithZeroSegments(segments1, count);
        segments2 = padWithZeroSegments(segments2, count);

        for (int index = 0; index < count; index++) {
            if (isAllDigits(segments1[index]) && isAllDigits(segments2[index])) {
                int width = Math.max(segments1[index].length(), segments2[index].length());
                segments1[index] = padRightWithZeros(segments1[index], width);
                segments2[index] = padRightWithZeros(segments2[index], width);
            }
        }
        return new String[] {String.join(".", segments1), String.join(".", segments2)};
    }

    private static String[] padWithZeroSegments(String[] segments, int count) {
        String[] padded = Arrays.copyOf(segments, count);
        Arrays.fill(padded, segments.length, count, "0");
        return padded;
    }

    /** PHP's {@code ctype_digit}: non-empty and ASCII digits only. */
    private static boolean isAllDigits(String segment) {
        return !segment.isEmpty() && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String padRightWithZeros(String segment, int width) {
        return segment + "0".repeat(width - segment.length());
    }
}
