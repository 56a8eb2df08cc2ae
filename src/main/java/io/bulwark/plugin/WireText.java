package io.bulwark.plugin;

import java.nio.charset.StandardCharsets;

/**
 * Text from the plugin made safe to store: control characters removed (PostgreSQL refuses
 * U+0000 in text, and none of these fields needs them), lone surrogates replaced, and the length
 * clipped at a character boundary.
 */
public final class WireText {
    private WireText() {
    }

    /** {@code value} cleaned and cut to at most {@code maxChars} UTF-16 units. */
    public static String clean(String value, int maxChars) {
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
            boolean lone = Character.isSurrogate(c) && !isPaired(value, i);
            if (control || lone) {
                if (clean == null) {
                    clean = new StringBuilder(value.length()).append(value, 0, i);
                }
                if (lone) {
                    clean.append('\ufffd');
                }
            } else if (clean != null) {
                clean.append(c);
            }
        }
        return clip(clean == null ? value : clean.toString(), maxChars);
    }

    /** {@code value} cut to at most {@code maxChars} UTF-16 units, never inside a pair. */
    public static String clip(String value, int maxChars) {
        if (value.length() <= maxChars) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return value.substring(0, end);
    }

    /** {@code value} cut to at most {@code maxBytes} bytes of UTF-8, at a character boundary. */
    public static String clipUtf8(String value, int maxBytes) {
        if (value.length() * 3L <= maxBytes) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return value;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    private static boolean isPaired(String value, int index) {
        char c = value.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 < value.length() && Character.isLowSurrogate(value.charAt(index + 1));
        }
        return index > 0 && Character.isHighSurrogate(value.charAt(index - 1));
    }
}
