package io.bulwark.vulns;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.vulns.matching.PatchedRange;
import io.bulwark.vulns.matching.PatchstackRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one record of Patchstack's vulnerability list (patchstack-apis.md §3.2): the flat v2
 * shape. CVE ids get their {@code CVE-} prefix, a score may be a number, a numeric string or
 * null, and {@code product_type} is capitalised ({@code Plugin}, {@code Theme},
 * {@code WordPress}). A branch range whose bounds are blank or reversed rejects the record.
 */
final class PatchstackRecords {
    private static final Map<String, String> TYPES =
            Map.of("plugin", "plugin", "theme", "theme", "wordpress", "core");

    private PatchstackRecords() {
    }

    /** The record at {@code position} (0-based) of the list. */
    static FeedItem read(int position, JsonNode node) {
        String fallbackId = "#" + (position + 1);
        JsonNode idNode = node.isObject() ? node.get("id") : null;
        String recordId = idNode != null && idNode.canConvertToLong() && idNode.isIntegralNumber()
                ? Long.toString(idNode.longValue()) : fallbackId;
        try {
            if (recordId.equals(fallbackId)) {
                throw new RecordFields.Unreadable("id must be an integer, found "
                        + RecordFields.describe(idNode));
            }
            return new FeedItem.Accepted(record(recordId, new RecordFields(node, "")));
        } catch (RecordFields.Unreadable e) {
            return new FeedItem.Rejected(recordId, e.getMessage());
        }
    }

    private static FeedRecord record(String recordId, RecordFields fields) {
        String title = fields.requiredText("title");
        String slug = fields.requiredText("product_slug");
        if (slug.isBlank()) {
            throw new RecordFields.Unreadable("product_slug must not be empty");
        }
        String productType = fields.requiredText("product_type");
        String type = TYPES.get(productType.toLowerCase(Locale.ROOT));
        if (type == null) {
            throw new RecordFields.Unreadable("product_type must be Plugin, Theme or WordPress, "
                    + "found '" + productType + "'");
        }
        String affectedIn = fields.requiredText("affected_in");
        List<PatchedRange> ranges = new ArrayList<>();
        List<JsonNode> rangeNodes = fields.optionalArray("patched_in_ranges");
        for (int index = 0; index < rangeNodes.size(); index++) {
            ranges.add(range(new RecordFields(rangeNodes.get(index),
                    "patched_in_ranges[" + index + "]")));
        }
        PatchstackRecord matching = new PatchstackRecord(slug,
                fields.optionalText("product_name_premium"), affectedIn,
                fields.optionalText("fixed_in"), ranges);

        FeedEntry entry = new FeedEntry.Patchstack(type, fields.optionalText("product_name"),
                matching);
        return new FeedRecord(FeedFormat.PATCHSTACK, recordId, title, cves(fields),
                fields.optionalScore("cvss_score"), "", false, fields.optionalText("direct_url"),
                "", List.of(entry));
    }

    private static PatchedRange range(RecordFields fields) {
        String from = fields.requiredText("from_version");
        String to = fields.requiredText("to_version");
        String fixedIn = fields.optionalText("fixed_in");
        try {
            return new PatchedRange(from, to, fixedIn);
        } catch (IllegalArgumentException e) {
            throw new RecordFields.Unreadable(e.getMessage());
        }
    }

    private static List<String> cves(RecordFields fields) {
        JsonNode value = fields.raw("cve");
        List<String> raw = value != null && value.isTextual() ? List.of(value.textValue())
                : fields.optionalTexts("cve");
        List<String> cves = new ArrayList<>();
        for (String cve : raw) {
            String trimmed = cve.trim();
            if (!trimmed.isEmpty()) {
                cves.add(trimmed.regionMatches(true, 0, "CVE-", 0, 4)
                        ? "CVE-" + trimmed.substring(4) : "CVE-" + trimmed);
            }
        }
        return cves;
    }
}
