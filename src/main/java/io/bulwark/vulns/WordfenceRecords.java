package io.bulwark.vulns;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.vulns.matching.WordfenceInterval;
import io.bulwark.vulns.matching.WordfenceIntervalReading;
import io.bulwark.vulns.matching.WordfenceSoftware;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads one record of the Wordfence Intelligence v2 feed (layout in
 * {@code data/wordfence/README.md}). Interval objects are read by {@link WordfenceInterval#read}:
 * all four keys present, bounds strings, flags booleans; a record with any unreadable interval
 * is rejected whole, never narrowed, widened or given a default flag.
 */
final class WordfenceRecords {
    private WordfenceRecords() {
    }

    /** The record stored under key {@code recordId} of the feed object. */
    static FeedItem read(String recordId, JsonNode node) {
        try {
            return new FeedItem.Accepted(record(recordId, new RecordFields(node, "")));
        } catch (RecordFields.Unreadable e) {
            return new FeedItem.Rejected(recordId, e.getMessage());
        }
    }

    private static FeedRecord record(String recordId, RecordFields fields) {
        String title = fields.requiredText("title");
        boolean informational = fields.optionalBoolean("informational");
        String cve = fields.optionalText("cve").trim();
        OptionalDouble score = OptionalDouble.empty();
        String rating = "";
        RecordFields cvss = fields.optionalObject("cvss").orElse(null);
        if (cvss != null) {
            score = cvss.optionalScore("score");
            rating = cvss.optionalText("rating");
        }
        List<String> references = fields.optionalTexts("references");
        String notice = fields.optionalObject("copyrights").map(WordfenceRecords::notice)
                .orElse("");

        List<FeedEntry> entries = new ArrayList<>();
        List<JsonNode> software = fields.requiredArray("software");
        for (int index = 0; index < software.size(); index++) {
            entries.add(entry(new RecordFields(software.get(index), "software[" + index + "]")));
        }
        return new FeedRecord(FeedFormat.WORDFENCE, recordId, title,
                cve.isEmpty() ? List.of() : List.of(cve), score, rating, informational,
                references.isEmpty() ? "" : references.get(0), notice, entries);
    }

    private static FeedEntry entry(RecordFields fields) {
        String type = fields.requiredText("type");
        String slug = fields.requiredText("slug");
        if (slug.isEmpty()) {
            throw new RecordFields.Unreadable(fields.name("slug") + " must not be empty");
        }
        String name = fields.optionalText("name");
        List<WordfenceInterval> intervals = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : fields.requiredMembers("affected_versions")) {
            String where = fields.name("affected_versions") + "[\"" + member.getKey() + "\"]";
            if (!member.getValue().isObject()) {
                throw new RecordFields.Unreadable(where + " must be an object, found "
                        + RecordFields.describe(member.getValue()));
            }
            WordfenceIntervalReading reading = WordfenceInterval.read(plain(member.getValue()));
            if (reading instanceof WordfenceIntervalReading.Unreadable unreadable) {
                throw new RecordFields.Unreadable(where + ": " + unreadable.reason());
            }
            intervals.add(((WordfenceIntervalReading.Readable) reading).interval());
        }
        List<String> patched = fields.optionalTexts("patched_versions");
        return new FeedEntry.Wordfence(name, new WordfenceSoftware(type, slug, intervals, patched));
    }

    /** JSON values as Java values, so that the interval reader can check their JSON types. */
    private static Map<String, Object> plain(JsonNode object) {
        Map<String, Object> values = new HashMap<>();
        object.properties().forEach(member -> {
            JsonNode value = member.getValue();
            Object plain = value.isTextual() ? value.textValue()
                    : value.isBoolean() ? Boolean.valueOf(value.booleanValue())
                    : value.isNull() ? null
                    : value.isNumber() ? value.numberValue()
                    : value;
            values.put(member.getKey(), plain);
        });
        return values;
    }

    /** The copyright message and every organisation's notice, licence and licence link. */
    private static String notice(RecordFields copyrights) {
        List<String> lines = new ArrayList<>();
        String message = copyrights.optionalText("message");
        if (!message.isEmpty()) {
            lines.add(message);
        }
        for (Map.Entry<String, JsonNode> member : copyrights.members()) {
            if (member.getValue().isObject()) {
                RecordFields organisation = new RecordFields(member.getValue(),
                        copyrights.name(member.getKey()));
                for (String field : List.of("notice", "license", "license_url")) {
                    String text = organisation.optionalText(field);
                    if (!text.isEmpty()) {
                        lines.add(text);
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
