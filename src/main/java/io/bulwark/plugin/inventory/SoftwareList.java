package io.bulwark.plugin.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.plugin.EmbeddedJson;
import io.bulwark.plugin.WireText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the {@code software} field of {@code /api/sw/json}: a JSON array inside a form field,
 * encoded by PHP (numbers from WordPress may arrive as strings and the other way round).
 *
 * <p>A field that is missing, not JSON or not an array (PHP sends {@code 0} when its encoder
 * fails on a bad plugin header) is a 422; so is a record that is not an object or lacks the
 * fields of its type. Records of an unknown {@code sw_type} are skipped, so a newer plugin that
 * reports more kinds of software still uploads.
 */
final class SoftwareList {
    static final int MAX_ITEMS = 5000;
    private static final Set<String> TYPES = Set.of("plugin", "theme", "wordpress", "php",
            "database");
    private static final int MAX_NAME = 500;
    private static final int MAX_VERSION = 100;
    private static final int MAX_KEY = 1000;

    private final ObjectMapper json;

    SoftwareList(ObjectMapper json) {
        this.json = json;
    }

    List<SoftwareItem> parse(Optional<JsonNode> field) {
        JsonNode list = field.map(this::decode).orElseThrow(() -> new InvalidInputException(
                "The software field is required."));
        if (!list.isArray()) {
            throw notAList();
        }
        if (list.size() > MAX_ITEMS) {
            throw new InvalidInputException("The software list must not have more than "
                    + MAX_ITEMS + " items; it has " + list.size() + ".");
        }
        List<SoftwareItem> items = new ArrayList<>(list.size());
        for (int index = 0; index < list.size(); index++) {
            item(list.get(index), index).ifPresent(items::add);
        }
        return items;
    }

    private JsonNode decode(JsonNode value) {
        return EmbeddedJson.decode(json, value, SoftwareList::notAList);
    }

    private static Optional<SoftwareItem> item(JsonNode record, int index) {
        if (!record.isObject()) {
            throw new InvalidInputException("The software item " + index
                    + " must be a JSON object.");
        }
        JsonNode typeNode = record.path("sw_type");
        String type = typeNode.isTextual() ? typeNode.textValue() : "";
        if (!TYPES.contains(type)) {
            return Optional.empty();
        }
        String name = required(record, "sw_name", index, MAX_NAME);
        String version = optional(record, "sw_cur_ver", index, MAX_VERSION).orElseThrow(
                () -> new InvalidInputException("The software item " + index
                        + " has no sw_cur_ver."));
        String versionNew = optional(record, "sw_new_ver", index, MAX_VERSION)
                .filter(text -> !text.isEmpty()).orElse(null);
        return Optional.of(switch (type) {
            case "plugin" -> {
                String file = required(record, "sw_key", index, MAX_KEY);
                yield new SoftwareItem(type, name, version, versionNew, file, pluginSlug(file),
                        active(record, index));
            }
            case "theme" -> {
                String folder = required(record, "sw_key", index, MAX_KEY);
                yield new SoftwareItem(type, name, version, versionNew, folder, folder, true);
            }
            default -> new SoftwareItem(type, name, version, versionNew, null, null, true);
        });
    }

    /** The first path segment of the plugin file, or the file itself ({@code hello.php}). */
    static String pluginSlug(String file) {
        int slash = file.indexOf('/');
        return slash > 0 ? file.substring(0, slash) : file;
    }

    private static String required(JsonNode record, String field, int index, int maxLength) {
        return optional(record, field, index, maxLength)
                .filter(text -> !text.isEmpty())
                .orElseThrow(() -> new InvalidInputException("The software item " + index
                        + " has no " + field + "."));
    }

    private static Optional<String> optional(JsonNode record, String field, int index,
            int maxLength) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new InvalidInputException("The " + field + " of software item " + index
                    + " must be a string.");
        }
        return Optional.of(WireText.clean(value.asText().strip(), maxLength));
    }

    private static boolean active(JsonNode record, int index) {
        JsonNode value = record.get("sw_active");
        if (value == null || value.isNull()) {
            return false;
        }
        String spelling = value.isTextual() ? value.textValue().strip() : value.asText();
        return switch (spelling) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw new InvalidInputException("The sw_active of software item " + index
                    + " must be 0 or 1.");
        };
    }

    private static InvalidInputException notAList() {
        return new InvalidInputException("The software field must be a JSON array of software "
                + "records.");
    }
}
