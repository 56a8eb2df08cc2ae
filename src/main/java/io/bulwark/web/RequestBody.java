package io.bulwark.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.bulwark.errors.BadRequestException;
import io.javalin.http.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body into named fields, whatever the client sent: a JSON object, a
 * form-encoded body, multipart text fields, or nothing. Form values become JSON strings, so
 * validation sees one shape. Decides 400 (malformed), 413 (too large) and 415 (other type).
 */
public final class RequestBody {
    /** The default limit for request bodies. */
    public static final int ONE_MIB = 1024 * 1024;

    private final ObjectMapper json;

    public RequestBody(ObjectMapper json) {
        this.json = json;
    }

    /** The fields of the body, at most {@code limitBytes} long. */
    public Fields read(Context ctx, int limitBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limitBytes) {
            throw tooLarge(limitBytes);
        }
        String type = mediaType(ctx);
        if (type.equals("multipart/form-data")) {
            return multipart(ctx);
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > limitBytes) {
            throw tooLarge(limitBytes);
        }
        if (bytes.length == 0 || isBlank(bytes)) {
            if (type.isEmpty() || type.equals("application/json")
                    || type.equals("application/x-www-form-urlencoded")) {
                return new Fields(Map.of());
            }
        }
        return switch (type) {
            case "application/json" -> json(bytes);
            case "application/x-www-form-urlencoded", "" -> form(bytes);
            default -> throw new BadRequestException(415, "Send the body as application/json or "
                    + "application/x-www-form-urlencoded, not " + type + ".");
        };
    }

    private Fields json(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "The body is not valid JSON: "
                    + e.getOriginalMessage() + ".");
        } catch (java.io.IOException e) {
            throw new BadRequestException(400, "The body could not be read.");
        }
        if (root == null || !root.isObject()) {
            throw new BadRequestException(400, "The JSON body must be an object.");
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        root.properties().forEach(entry -> fields.put(entry.getKey(), entry.getValue()));
        return new Fields(fields);
    }

    /** Form bodies; a malformed percent escape is a 400, a repeated key keeps the last value. */
    public static Fields form(byte[] bytes) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        String body = new String(bytes, StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            try {
                fields.put(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        TextNode.valueOf(URLDecoder.decode(value, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, "The form body is malformed: "
                        + e.getMessage() + ".");
            }
        }
        return new Fields(fields);
    }

    private static Fields multipart(Context ctx) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<String>> entry : ctx.formParamMap().entrySet()) {
                List<String> values = entry.getValue();
                if (!values.isEmpty()) {
                    fields.put(entry.getKey(), TextNode.valueOf(values.get(values.size() - 1)));
                }
            }
        } catch (RuntimeException e) {
            throw new BadRequestException(400, "The multipart body is malformed.");
        }
        return new Fields(fields);
    }

    private static String mediaType(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header == null) {
            return "";
        }
        return header.split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static BadRequestException tooLarge(int limitBytes) {
        return new BadRequestException(413, "The request body is larger than "
                + limitBytes / 1024 + " KiB.");
    }
}
