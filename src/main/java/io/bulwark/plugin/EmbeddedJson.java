package io.bulwark.plugin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.function.Supplier;

/**
 * The plugin sends JSON as text inside form fields ({@code software}, {@code logs}); a JSON body
 * sends it as a value. Either way this gives the JSON value, or the caller's error.
 */
public final class EmbeddedJson {
    private EmbeddedJson() {
    }

    /** The JSON held by {@code value}; {@code unusable} when text does not parse. */
    public static JsonNode decode(ObjectMapper json, JsonNode value,
            Supplier<? extends RuntimeException> unusable) {
        if (!value.isTextual()) {
            return value;
        }
        try {
            JsonNode decoded = json.readTree(value.textValue());
            if (decoded == null) {
                throw unusable.get();
            }
            return decoded;
        } catch (JsonProcessingException ignored) {
            // The parser's position means nothing to the plugin; the message names the rule.
            throw unusable.get();
        }
    }
}
