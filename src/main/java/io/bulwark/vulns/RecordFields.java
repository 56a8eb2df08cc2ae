package io.bulwark.vulns;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to the fields of one feed record. A field of the wrong type is never coerced:
 * it raises {@link Unreadable}, which the record's reader turns into a rejection naming the
 * field and the value found.
 */
final class RecordFields {
    private final JsonNode node;
    private final String path;

    RecordFields(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new Unreadable((path.isEmpty() ? "the record" : path)
                    + " must be a JSON object, found " + describe(node));
        }
        this.node = node;
        this.path = path;
    }

    /** A string that must be present. */
    String requiredText(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new Unreadable(name(field) + " must be a string, found " + describe(value));
        }
        return value.textValue();
    }

    /** A string, or empty when the field is missing or null. */
    String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new Unreadable(name(field) + " must be a string or null, found "
                    + describe(value));
        }
        return value.textValue();
    }

    /** A boolean, or false when the field is missing or null. */
    boolean optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new Unreadable(name(field) + " must be a boolean or null, found "
                    + describe(value));
        }
        return value.booleanValue();
    }

    /** A number, or a string holding one; absent when missing or null. */
    OptionalDouble optionalScore(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return OptionalDouble.empty();
        }
        if (value.isNumber()) {
            return OptionalDouble.of(value.doubleValue());
        }
        if (value.isTextual() && value.textValue().trim().matches("\\d+(\\.\\d+)?")) {
            return OptionalDouble.of(Double.parseDouble(value.textValue().trim()));
        }
        throw new Unreadable(name(field) + " must be a number, a numeric string or null, found "
                + describe(value));
    }

    /** An array that must be present. */
    List<JsonNode> requiredArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new Unreadable(name(field) + " must be an array, found " + describe(value));
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    /** An array, or empty when the field is missing or null. */
    List<JsonNode> optionalArray(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? List.of() : requiredArray(field);
    }

    /** A list of strings, or empty when the field is missing or null. */
    List<String> optionalTexts(String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : optionalArray(field)) {
            if (!item.isTextual()) {
                throw new Unreadable(name(field) + " must hold strings only, found "
                        + describe(item));
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    /** The nested object {@code field}, or empty when missing or null. */
    Optional<RecordFields> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new RecordFields(value, name(field)));
    }

    /** The members of the object {@code field}, which must be present. */
    List<Map.Entry<String, JsonNode>> requiredMembers(String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new Unreadable(name(field) + " must be an object, found " + describe(value));
        }
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        value.properties().forEach(members::add);
        return members;
    }

    /** The node of {@code field}, or null when the field is missing. */
    JsonNode raw(String field) {
        return node.get(field);
    }

    /** The members of this object, in file order. */
    List<Map.Entry<String, JsonNode>> members() {
        List<Map.Entry<String, JsonNode>> members = new ArrayList<>();
        node.properties().forEach(members::add);
        return members;
    }

    String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing (the field is missing)";
        }
        String text = value.toString();
        String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }

    /** A record field that cannot be read; the record is rejected with this message. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
