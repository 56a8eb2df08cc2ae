package io.bulwark.vulns.matching;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The canonical form PHP's {@code version_compare} gives a version before comparing it
 * ({@code php_canonicalize_version} in {@code ext/standard/versioning.c}): {@code - _ +} become
 * dots, a dot goes between a digit and a non-digit, other symbols become dots, and runs of dots
 * collapse. The first byte is copied as it is, so {@code ".5"} keeps its leading dot.
 *
 * <p>Works on bytes with C-locale character classes: only ASCII letters and digits are
 * alphanumeric, so each byte of a multi-byte UTF-8 character counts as a symbol.
 */
final class PhpCanonicalForm {
    private PhpCanonicalForm() {
    }

    /** The bytes PHP's C code sees: UTF-8, cut at the first NUL as a C string is. */
    static byte[] bytesOf(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] == 0) {
                return Arrays.copyOf(bytes, index);
            }
        }
        return bytes;
    }

    /**
     * Canonicalises a non-empty version.
     *
     * @throws ArrayIndexOutOfBoundsException if {@code version} is empty
     */
    static byte[] canonicalize(byte[] version) {
        byte[] buffer = new byte[version.length * 2];
        int length = 0;
        byte previousInput = version[0];
        buffer[length++] = previousInput;
        for (int index = 1; index < version.length; index++) {
            byte current = version[index];
            byte lastOutput = buffer[length - 1];
            if (current == '-' || current == '_' || current == '+') {
                if (lastOutput != '.') {
                    buffer[length++] = '.';
                }
            } else if (isNonDigit(previousInput) && isDigit(current)
                    || isDigit(previousInput) && isNonDigit(current)) {
                if (lastOutput != '.') {
                    buffer[length++] = '.';
                }
                buffer[length++] = current;
            } else if (!isAlphanumeric(current)) {
                if (lastOutput != '.') {
                    buffer[length++] = '.';
                }
            } else {
                buffer[length++] = current;
            }
            previousInput = current;
        }
        return Arrays.copyOf(buffer, length);
    }

    /**
     * The parts PHP compares: the canonical form split at dots; the empty version is one empty
     * part. A version starting with {@code #} is split as it is, as PHP does not canonicalise it.
     */
    static List<String> parts(String version) {
        byte[] raw = bytesOf(Objects.requireNonNull(version, "version"));
        byte[] canonical = raw.length == 0 || raw[0] == '#' ? raw : canonicalize(raw);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int index = 0; index <= canonical.length; index++) {
            if (index == canonical.length || canonical[index] == '.') {
                parts.add(new String(canonical, start, index - start, StandardCharsets.UTF_8));
                start = index + 1;
            }
        }
        return parts;
    }

    /** C's {@code isdigit} in the C locale. */
    static boolean isDigit(byte value) {
        return value >= '0' && value <= '9';
    }

    private static boolean isNonDigit(byte value) {
        return !isDigit(value) && value != '.';
    }

    private static boolean isAlphanumeric(byte value) {
        return isDigit(value) || value >= 'a' && value <= 'z' || value >= 'A' && value <= 'Z';
    }
}
