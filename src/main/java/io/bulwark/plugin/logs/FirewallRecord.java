package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.plugin.WireText;
import io.bulwark.web.WireTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * One blocked request as stored in {@code attacks}.
 *
 * @param hash the record's identity over its seven fields as received ({@link RecordHash})
 * @param occurredAt {@code log_date} read as UTC, or the arrival time when that is unparseable
 *     or more than a day ahead (decision 15 of the Hosting API)
 * @param day the UTC day of {@code occurredAt}, as {@code YYYY-MM-DD}
 * @param fid the digits of the rule or block code; {@code "0"} when the plugin sent something
 *     else (the column is a number in the plugin's own table)
 * @param postDataClipped whether {@code postData} was cut to {@value #MAX_POST_DATA_BYTES} bytes
 */
record FirewallRecord(
        String hash,
        Instant occurredAt,
        String day,
        String ip,
        String fid,
        String method,
        String requestUri,
        String userAgent,
        String logDate,
        String postData,
        boolean postDataClipped) {
    static final List<String> FIELDS = List.of("ip", "fid", "request_uri", "user_agent",
            "method", "log_date", "post_data");
    static final int MAX_POST_DATA_BYTES = 64 * 1024;
    private static final Duration MAX_AHEAD = Duration.ofDays(1);

    /**
     * The record in {@code json}, or empty (skipped) when it is not an object or carries none
     * of the seven fields: such a record describes no request and must not count as an attack.
     */
    static Optional<FirewallRecord> from(JsonNode json, Instant arrival) {
        if (!json.isObject() || FIELDS.stream().noneMatch(field -> hasValue(json, field))) {
            return Optional.empty();
        }
        String logDate = RecordFields.text(json, "log_date", 32);
        Instant occurredAt = occurredAt(logDate, arrival);
        String fid = RecordFields.text(json, "fid", 32);
        String postData = postData(json);
        String clipped = WireText.clipUtf8(postData, MAX_POST_DATA_BYTES);
        return Optional.of(new FirewallRecord(RecordHash.of(json, FIELDS), occurredAt,
                LocalDate.ofInstant(occurredAt, ZoneOffset.UTC).toString(),
                RecordFields.ip(json), fid.matches("[0-9]{1,10}") ? fid : "0",
                RecordFields.text(json, "method", 16),
                RecordFields.text(json, "request_uri", 8192),
                RecordFields.text(json, "user_agent", 1024), logDate, clipped,
                clipped.length() != postData.length()));
    }

    private static boolean hasValue(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty());
    }

    private static Instant occurredAt(String logDate, Instant arrival) {
        try {
            Instant stated = WireTimes.parsePlain("log_date", logDate);
            return stated.isAfter(arrival.plus(MAX_AHEAD)) ? arrival : stated;
        } catch (InvalidInputException ignored) {
            // Not "Y-m-d H:i:s": dated by its arrival, as decision 15 says.
            return arrival;
        }
    }

    /** Opaque text (JSON from the plugin); only U+0000 is removed, which PostgreSQL refuses. */
    private static String postData(JsonNode json) {
        JsonNode value = json.get("post_data");
        if (value == null || value.isNull()) {
            return "";
        }
        String text = value.isValueNode() ? value.asText() : value.toString();
        return text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "");
    }
}
