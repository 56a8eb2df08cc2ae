package io.bulwark.vulns;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes feeds in the Wordfence Intelligence v2 layout for tests and benchmarks: records with
 * invented titles and the record shape of the real feed (attribution included).
 */
public final class WordfenceFeedWriter implements AutoCloseable {
    private final JsonGenerator json;

    /** One interval: bounds as published, {@code *} meaning none. */
    public record Interval(String from, boolean fromInclusive, String to, boolean toInclusive) {
        public static Interval upTo(String to) {
            return new Interval("*", true, to, true);
        }
    }

    /** One software entry. */
    public record Software(String type, String slug, List<Interval> intervals,
            List<String> patched) {
    }

    public WordfenceFeedWriter(Writer writer) {
        this(create(writer));
    }

    public WordfenceFeedWriter(OutputStream output) {
        this(create(output));
    }

    private WordfenceFeedWriter(JsonGenerator json) {
        this.json = json;
        write(() -> json.writeStartObject());
    }

    /** A whole feed as a string. */
    public static String feed(Record... records) {
        StringWriter text = new StringWriter();
        try (WordfenceFeedWriter writer = new WordfenceFeedWriter(text)) {
            for (Record record : records) {
                writer.add(record);
            }
        }
        return text.toString();
    }

    /** One record. */
    public record Record(String id, String title, boolean informational, List<Software> software,
            String description) {
        public static Record of(String id, Software... software) {
            return new Record(id, "Record " + id, false, List.of(software), "");
        }
    }

    public static Software plugin(String slug, String upTo, String patched) {
        return new Software("plugin", slug, List.of(Interval.upTo(upTo)),
                patched.isEmpty() ? List.of() : List.of(patched));
    }

    public void add(Record record) {
        write(() -> {
            json.writeObjectFieldStart(record.id());
            json.writeStringField("id", record.id());
            json.writeStringField("title", record.title());
            json.writeArrayFieldStart("software");
            for (Software software : record.software()) {
                json.writeStartObject();
                json.writeStringField("type", software.type());
                json.writeStringField("name", software.slug() + " name");
                json.writeStringField("slug", software.slug());
                json.writeObjectFieldStart("affected_versions");
                for (Interval interval : software.intervals()) {
                    json.writeObjectFieldStart(interval.from() + " - " + interval.to());
                    json.writeStringField("from_version", interval.from());
                    json.writeBooleanField("from_inclusive", interval.fromInclusive());
                    json.writeStringField("to_version", interval.to());
                    json.writeBooleanField("to_inclusive", interval.toInclusive());
                    json.writeEndObject();
                }
                json.writeEndObject();
                json.writeBooleanField("patched", !software.patched().isEmpty());
                json.writeArrayFieldStart("patched_versions");
                for (String patched : software.patched()) {
                    json.writeString(patched);
                }
                json.writeEndArray();
                json.writeStringField("remediation", "Update to a patched version");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeBooleanField("informational", record.informational());
            json.writeStringField("description", record.description());
            json.writeArrayFieldStart("references");
            json.writeString("https://www.wordfence.com/threat-intel/vulnerabilities/id/"
                    + record.id());
            json.writeEndArray();
            json.writeObjectFieldStart("cvss");
            json.writeStringField("vector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
            json.writeNumberField("score", 5.3);
            json.writeStringField("rating", "Medium");
            json.writeEndObject();
            json.writeStringField("cve", "CVE-2099-" + Math.abs(record.id().hashCode() % 100000));
            json.writeStringField("published", "2024-02-23 00:00:00");
            json.writeObjectFieldStart("copyrights");
            json.writeStringField("message", "This record contains material that is subject "
                    + "to copyright");
            json.writeObjectFieldStart("defiant");
            json.writeStringField("notice", "Copyright 2012-2024 Defiant Inc.");
            json.writeStringField("license", "Defiant licence text");
            json.writeStringField("license_url", "https://www.wordfence.com/wordfence-"
                    + "intelligence-terms-and-conditions/");
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        });
    }

    @Override
    public void close() {
        write(() -> {
            json.writeEndObject();
            json.close();
        });
    }

    private static JsonGenerator create(Writer writer) {
        try {
            return new JsonFactory().createGenerator(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonGenerator create(OutputStream output) {
        try {
            return new JsonFactory().createGenerator(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    private static void write(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
