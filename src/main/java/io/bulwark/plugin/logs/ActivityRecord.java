package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One activity record (a login, a plugin change, ...) as stored in {@code activity_records}.
 *
 * @param hash identity over every field as received; older plugins send no {@code id}
 * @param pluginRowId the plugin's local row id, or null when not sent
 * @param eventDate the plugin's {@code date}, in the site's own time zone, as sent
 */
record ActivityRecord(
        String hash,
        String pluginRowId,
        String author,
        String ip,
        String objectType,
        String objectId,
        String objectName,
        String action,
        String eventDate) {
    static final List<String> FIELDS = List.of("id", "author", "ip", "object", "object_id",
            "object_name", "action", "date");

    /** The record in {@code json}, or empty when it is not an object (skipped). */
    static Optional<ActivityRecord> from(JsonNode json) {
        if (!json.isObject()) {
            return Optional.empty();
        }
        String rowId = RecordFields.text(json, "id", 32);
        return Optional.of(new ActivityRecord(RecordHash.of(json, FIELDS),
                rowId.isEmpty() ? null : rowId, RecordFields.text(json, "author", 255),
                RecordFields.ip(json), RecordFields.text(json, "object", 64),
                RecordFields.text(json, "object_id", 64),
                RecordFields.text(json, "object_name", 1000),
                RecordFields.text(json, "action", 255), RecordFields.text(json, "date", 32)));
    }
}
