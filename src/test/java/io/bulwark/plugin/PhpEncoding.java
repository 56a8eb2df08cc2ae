package io.bulwark.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** PHP's encodings as the plugin uses them: {@code json_encode} and {@code http_build_query}. */
public final class PhpEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .build();

    private PhpEncoding() {
    }

    /** {@code json_encode} defaults: {@code /} escaped as {@code \/}, non-ASCII as \\uXXXX. */
    public static String json(Object value) {
        try {
            // A slash only ever occurs inside strings in JSON text, so this escapes exactly those.
            return JSON.writeValueAsString(value).replace("/", "\\/");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code http_build_query}: RFC 1738 escaping, space as {@code +}. */
    public static String query(Map<String, String> fields) {
        StringBuilder query = new StringBuilder();
        fields.forEach((name, value) -> {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(escape(name)).append('=').append(escape(value));
        });
        return query.toString();
    }

    /** PHP's {@code urlencode}: letters, digits and {@code -_.} stay, space becomes +. */
    public static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '.') {
                escaped.append((char) c);
            } else if (c == ' ') {
                escaped.append('+');
            } else {
                escaped.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return escaped.toString();
    }
}
