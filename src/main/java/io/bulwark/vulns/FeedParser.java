package io.bulwark.vulns;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.bulwark.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Streams a feed file record by record: the Wordfence feed is one JSON object of about 160 MB
 * keyed by record id, so only one record's tree is in memory at a time. A record that cannot be
 * read is handed on as {@link FeedItem.Rejected}; a file that is not one complete JSON document
 * of the expected shape raises {@link InvalidInputException} after the records before the fault
 * have been handed on.
 */
public final class FeedParser {
    private final ObjectMapper json;
    private final ObjectReader records;

    /**
     * @param json the application's mapper; records are read as trees in the middle of the
     *     file, so its trailing-token check is turned off for them
     */
    public FeedParser(ObjectMapper json) {
        this.json = json;
        this.records = json.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads {@code input} to its end.
     *
     * @throws InvalidInputException if the file is empty, truncated, not JSON, or not the shape
     *     of {@code format}
     * @throws UncheckedIOException if reading fails
     */
    void read(FeedFormat format, InputStream input, Consumer<FeedItem> sink) {
        try (JsonParser parser = json.createParser(input)) {
            if (format == FeedFormat.WORDFENCE) {
                readWordfence(parser, sink);
            } else {
                readPatchstack(parser, sink);
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw fault(parser, "unexpected content after the end of the feed: " + trailing);
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            long offset = where == null ? -1 : where.getByteOffset();
            throw new InvalidInputException("The feed is not complete, valid JSON (at byte "
                    + offset + "): " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the feed", e);
        }
    }

    private void readWordfence(JsonParser parser, Consumer<FeedItem> sink) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw fault(parser, "a Wordfence feed is one JSON object keyed by record id, but the "
                    + "file starts with " + describe(first));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String recordId = parser.currentName();
            parser.nextToken();
            JsonNode record = records.readTree(parser);
            sink.accept(WordfenceRecords.read(recordId, record));
        }
    }

    private void readPatchstack(JsonParser parser, Consumer<FeedItem> sink) throws IOException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw fault(parser, "a Patchstack feed is an object with a 'vulnerabilities' list, "
                    + "but the file starts with " + describe(first));
        }
        boolean listSeen = false;
        String errorText = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("vulnerabilities") && value == JsonToken.START_ARRAY) {
                listSeen = true;
                int position = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    JsonNode record = records.readTree(parser);
                    sink.accept(PatchstackRecords.read(position++, record));
                }
            } else if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                errorText = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        if (!listSeen) {
            throw fault(parser, "the file has no 'vulnerabilities' list"
                    + (errorText == null ? "" : "; it holds the error '" + errorText + "'"));
        }
    }

    private static InvalidInputException fault(JsonParser parser, String problem) {
        return new InvalidInputException("The feed is not in the expected shape (at byte "
                + parser.currentLocation().getByteOffset() + "): " + problem);
    }

    private static String describe(JsonToken token) {
        return token == null ? "nothing (the file is empty)" : token.asString() == null
                ? token.name() : "'" + token.asString() + "'";
    }
}
