package io.bulwark.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.bulwark.errors.BadRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} bodies strictly: a bad percent escape or
 * bytes that are not UTF-8 are a 400, never silently replaced. A repeated key keeps its last
 * value; PHP-style keys ({@code sites[0]}, {@code email[]}) keep their full name and also
 * collect under their base name as an array, so a field that must be a string says so.
 */
public final class FormDecoder {
    private FormDecoder() {
    }

    /** The fields of a form body. */
    public static Map<String, JsonNode> decode(byte[] body) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '&') {
                if (i > start) {
                    pair(body, start, i, fields);
                }
                start = i + 1;
            }
        }
        return fields;
    }

    private static void pair(byte[] body, int start, int end, Map<String, JsonNode> fields) {
        int equals = start;
        while (equals < end && body[equals] != '=') {
            equals++;
        }
        String key = text(body, start, equals);
        String value = equals < end ? text(body, equals + 1, end) : "";
        fields.put(key, TextNode.valueOf(value));
        int bracket = key.indexOf('[');
        if (bracket > 0 && key.endsWith("]")) {
            String base = key.substring(0, bracket);
            JsonNode existing = fields.get(base);
            ArrayNode array = existing instanceof ArrayNode list ? list
                    : JsonNodeFactory.instance.arrayNode();
            array.add(value);
            fields.put(base, array);
        }
    }

    private static String text(byte[] body, int start, int end) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= end || hex(body[i + 1]) < 0 || hex(body[i + 2]) < 0) {
                    throw new BadRequestException(400, "The form body is malformed: '%' must be "
                            + "followed by two hexadecimal digits.");
                }
                bytes.write(hex(body[i + 1]) * 16 + hex(body[i + 2]));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(400, "The form body is not valid UTF-8.");
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
