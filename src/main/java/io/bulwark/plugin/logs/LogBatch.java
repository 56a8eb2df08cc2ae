package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.errors.BadRequestException;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.plugin.EmbeddedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code logs} field of a log upload: a JSON array inside a form field. An unusable
 * field is a 4xx, after which the plugin drops the batch; single records are judged later, one
 * by one, and never fail the batch.
 */
final class LogBatch {
    static final int MAX_RECORDS = 10_000;

    private final ObjectMapper json;

    LogBatch(ObjectMapper json) {
        this.json = json;
    }

    List<JsonNode> records(Optional<JsonNode> field) {
        JsonNode list = field.map(this::decode).orElseThrow(() -> new InvalidInputException(
                "The logs field is required."));
        if (!list.isArray()) {
            throw notAList();
        }
        if (list.size() > MAX_RECORDS) {
            throw new BadRequestException(413, "The logs field must not hold more than "
                    + MAX_RECORDS + " records; it holds " + list.size() + ".");
        }
        List<JsonNode> records = new ArrayList<>(list.size());
        list.forEach(records::add);
        return records;
    }

    private JsonNode decode(JsonNode value) {
        return EmbeddedJson.decode(json, value, LogBatch::notAList);
    }

    private static InvalidInputException notAList() {
        return new InvalidInputException("The logs field must be a JSON array of log records.");
    }
}
