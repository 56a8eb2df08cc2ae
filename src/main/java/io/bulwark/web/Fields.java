package io.bulwark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named fields of a request body with the Hosting API's validation rules: strings are
 * trimmed (passwords excepted), limited in code points and free of control characters;
 * booleans and integers accept their documented spellings. Each accessor throws
 * {@link InvalidInputException} with a Laravel-style sentence naming the field.
 */
public final class Fields {
    private static final Pattern INDEXED_KEY = Pattern.compile("(.+)\\[([0-9]{1,6})]");

    private final Map<String, JsonNode> values;

    public Fields(Map<String, JsonNode> values) {
        this.values = Map.copyOf(values);
    }

    /** Whether the body names {@code field} at all, even as null or "". */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** Whether the body names {@code field} with a value other than null. */
    public boolean hasValue(String field) {
        JsonNode node = values.get(field);
        return node != null && !node.isNull();
    }

    /**
     * The value of {@code field} as sent, without any check: for JSON documents carried inside
     * a form field, which may hold characters the text rules refuse. Null counts as absent.
     */
    public Optional<JsonNode> value(String field) {
        return Optional.ofNullable(values.get(field)).filter(node -> !node.isNull());
    }

    /**
     * A list sent PHP-style as {@code field[0]=a&field[1]=b} (in index order), or as a JSON
     * array under {@code field}; empty when neither is present.
     */
    public List<JsonNode> indexedValues(String field) {
        JsonNode whole = values.get(field);
        if (whole != null && whole.isArray()) {
            List<JsonNode> elements = new ArrayList<>();
            whole.forEach(elements::add);
            return elements;
        }
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        values.forEach((key, value) -> {
            Matcher matcher = INDEXED_KEY.matcher(key);
            if (matcher.matches() && matcher.group(1).equals(field)) {
                byIndex.put(Integer.parseInt(matcher.group(2)), value);
            }
        });
        return List.copyOf(byIndex.values());
    }

    /** A required string, trimmed, of at most {@code maxLength} code points. */
    public String requiredText(String field, int maxLength) {
        return optionalText(field, maxLength)
                .orElseThrow(() -> invalid("The " + label(field) + " field is required."));
    }

    /** An optional string: absent, null and "" are all empty. */
    public Optional<String> optionalText(String field, int maxLength) {
        return raw(field).map(String::strip).map(value -> checkCharacters(field, value))
                .filter(value -> !value.isEmpty())
                .map(value -> checkLength(field, value, 0, maxLength));
    }

    /** A required string taken as sent (no trimming), between the two lengths. */
    public String untrimmedText(String field, int minLength, int maxLength) {
        String value = raw(field).map(text -> checkCharacters(field, text))
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> invalid("The " + label(field) + " field is required."));
        return checkLength(field, value, minLength, maxLength);
    }

    /** An optional boolean in any documented spelling; null counts as absent. */
    public Optional<Boolean> optionalBoolean(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        String spelling = node.isTextual() ? node.textValue().strip() : node.toString();
        return switch (spelling) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> throw invalid("The " + label(field) + " field must be true or false.");
        };
    }

    /** A required boolean; {@code false} and {@code 0} satisfy "required". */
    public boolean requiredBoolean(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            throw invalid("The " + label(field) + " field is required.");
        }
        return optionalBoolean(field).orElseThrow();
    }

    /** A required non-negative integer: a JSON integer or a canonical digit string. */
    public long requiredInteger(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull() || (node.isTextual() && node.textValue().isBlank())) {
            throw invalid("The " + label(field) + " field is required.");
        }
        String digits = node.isIntegralNumber() ? node.asText()
                : node.isTextual() ? node.textValue().strip() : "";
        if (!digits.matches("0|[1-9][0-9]{0,18}")) {
            throw invalid("The " + label(field) + " must be an integer.");
        }
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw invalid("The " + label(field) + " must be an integer.");
        }
    }

    private Optional<String> raw(String field) {
        JsonNode node = values.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw invalid("The " + label(field) + " must be a string.");
        }
        return Optional.of(node.textValue());
    }

    /** Trimming comes first, so a trailing newline is trimmed rather than refused. */
    private static String checkCharacters(String field, String value) {
        if (hasForbiddenCharacters(value)) {
            throw invalid("The " + label(field) + " contains control or invalid characters.");
        }
        return value;
    }

    private static String checkLength(String field, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw invalid("The " + label(field) + " must be at least " + min + " characters.");
        }
        if (length > max) {
            throw invalid("The " + label(field) + " must not be greater than " + max
                    + " characters.");
        }
        return value;
    }

    /** Control characters (C0, DEL, C1) and unpaired surrogates. */
    static boolean hasForbiddenCharacters(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Laravel's attribute name: underscores read as spaces. */
    public static String label(String field) {
        return field.replace('_', ' ');
    }

    private static InvalidInputException invalid(String message) {
        return new InvalidInputException(message);
    }
}
