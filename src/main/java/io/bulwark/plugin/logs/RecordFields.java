package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.plugin.WireText;

/**
 * Lenient reading of one field of an uploaded log record: a bad record is coerced and clipped,
 * never allowed to fail its batch (the plugin would drop or resend the whole batch).
 */
final class RecordFields {
    private RecordFields() {
    }

    /** Any JSON value as text: strings as they are, other scalars spelled, structures encoded. */
    static String text(JsonNode record, String field, int maxChars) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return WireText.clean(text.strip(), maxChars);
    }

    /**
     * A client address; a header list ({@code "203.0.113.7, 10.0.0.1"}) keeps its first entry,
     * the original client.
     */
    static String ip(JsonNode record) {
        String ip = text(record, "ip", 1000);
        int comma = ip.indexOf(',');
        return WireText.clip(comma < 0 ? ip : ip.substring(0, comma).strip(), 64);
    }
}
