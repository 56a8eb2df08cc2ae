package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.crypto.Tokens;
import java.util.List;

/**
 * The identity of an uploaded log record: SHA-256 over the named fields exactly as received
 * (their JSON encodings, in a fixed order), before any clipping or coercion. Two records with
 * equal hashes are copies of one another.
 */
final class RecordHash {
    private RecordHash() {
    }

    static String of(JsonNode record, List<String> fields) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : fields) {
            JsonNode value = record.get(field);
            canonical.append(field).append('=');
            // A JSON encoding never holds a raw newline, so it separates fields unambiguously;
            // an absent field differs from every encoded value.
            canonical.append(value == null ? "<absent>" : value.toString()).append('\n');
        }
        return Tokens.sha256Hex(canonical.toString());
    }
}
