package io.bulwark.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.bulwark.errors.BadRequestException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
        byte[] bytes = bytes(ctx, limitBytes);
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
            case "application/x-www-form-urlencoded", "" -> new Fields(FormDecoder.decode(bytes));
            default -> throw new BadRequestException(415, "Send the body as application/json or "
                    + "application/x-www-form-urlencoded, not " + type + ".");
        };
    }

    private Fields json(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new BadRequestException(400, "The body is not valid JSON"
                    + (at == null ? "." : " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")."));
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

    private static Fields multipart(Context ctx) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, List<String>> entry : ctx.formParamMap().entrySet()) {
                List<String> values = entry.getValue();
                if (!values.isEmpty()) {
                    fields.put(entry.getKey(), TextNode.valueOf(values.get(values.size() - 1)));
                }
            }
        } catch (Exception e) {
            // Javalin rethrows the servlet layer's checked IOException unchecked.
            throw new BadRequestException(400, "The multipart body is malformed.");
        }
        return new Fields(fields);
    }

    /** The body, or a 400 when the client stopped sending it (or a 413 past the limit). */
    private static byte[] bytes(Context ctx, int limitBytes) {
        try {
            return ctx.bodyAsBytes();
        } catch (HttpResponseException e) {
            if (e.getStatus() == 413) {
                throw tooLarge(limitBytes);
            }
            throw e;
        } catch (Exception e) {
            // Javalin rethrows the servlet layer's checked IOException unchecked.
            throw new BadRequestException(400, "The request body could not be read completely.");
        }
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
