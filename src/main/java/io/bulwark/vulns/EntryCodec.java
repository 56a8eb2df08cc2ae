package io.bulwark.vulns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.vulns.matching.PatchedRange;
import io.bulwark.vulns.matching.PatchstackRecord;
import io.bulwark.vulns.matching.WordfenceInterval;
import io.bulwark.vulns.matching.WordfenceIntervalReading;
import io.bulwark.vulns.matching.WordfenceSoftware;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a software entry's ranges (column {@code vuln_software.ranges}) and the
 * content hash of a record. Ranges are kept in their source's own terms and read back through
 * the same validation as at import, so a stored entry can always be re-evaluated.
 */
public final class EntryCodec {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public EntryCodec(ObjectMapper json) {
        this.json = json;
    }

    /** The JSON text stored for {@code entry}'s ranges. */
    String encode(FeedEntry entry) {
        Map<String, Object> ranges = new LinkedHashMap<>();
        switch (entry) {
            case FeedEntry.Wordfence wordfence -> {
                List<Map<String, Object>> intervals = new ArrayList<>();
                for (WordfenceInterval interval : wordfence.software().intervals()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("from_version", interval.fromVersion());
                    item.put("from_inclusive", interval.fromInclusive());
                    item.put("to_version", interval.toVersion());
                    item.put("to_inclusive", interval.toInclusive());
                    intervals.add(item);
                }
                ranges.put("intervals", intervals);
                ranges.put("patched_versions", wordfence.software().patchedVersions());
            }
            case FeedEntry.Patchstack patchstack -> {
                PatchstackRecord record = patchstack.record();
                ranges.put("premium_name", record.premiumName());
                ranges.put("affected_in", record.affectedIn());
                ranges.put("fixed_in", record.fixedIn());
                ranges.put("patched_in_ranges", record.patchedInRanges().stream()
                        .map(range -> Map.of("from_version", range.fromVersion(),
                                "to_version", range.toVersion(), "fixed_in", range.fixedIn()))
                        .toList());
            }
        }
        return write(ranges);
    }

    /**
     * The entry stored with these columns.
     *
     * @throws IllegalStateException if the stored ranges no longer pass validation
     */
    @SuppressWarnings("unchecked")
    FeedEntry decode(FeedFormat source, String type, String slug, String name, String ranges) {
        Map<String, Object> map = read(ranges);
        if (source == FeedFormat.WORDFENCE) {
            List<WordfenceInterval> intervals = new ArrayList<>();
            for (Map<String, Object> item : (List<Map<String, Object>>) map.get("intervals")) {
                WordfenceIntervalReading reading = WordfenceInterval.read(item);
                if (!(reading instanceof WordfenceIntervalReading.Readable readable)) {
                    throw new IllegalStateException("Stored interval of slug '" + slug
                            + "' no longer reads: " + reading);
                }
                intervals.add(readable.interval());
            }
            return new FeedEntry.Wordfence(name, new WordfenceSoftware(type, slug, intervals,
                    (List<String>) map.get("patched_versions")));
        }
        List<PatchedRange> patched = new ArrayList<>();
        for (Map<String, String> range : (List<Map<String, String>>) map.get(
                "patched_in_ranges")) {
            patched.add(new PatchedRange(range.get("from_version"), range.get("to_version"),
                    range.get("fixed_in")));
        }
        return new FeedEntry.Patchstack(type, name, new PatchstackRecord(slug,
                (String) map.get("premium_name"), (String) map.get("affected_in"),
                (String) map.get("fixed_in"), patched));
    }

    /** A SHA-256 over everything stored of the record, to skip unchanged records on re-import. */
    String contentHash(FeedRecord record) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("title", record.title());
        canonical.put("cves", record.cves());
        canonical.put("score", record.cvssScore().isPresent()
                ? Double.toString(record.cvssScore().getAsDouble()) : null);
        canonical.put("rating", record.cvssRating());
        canonical.put("informational", record.informational());
        canonical.put("link", record.link());
        canonical.put("notice", record.notice());
        canonical.put("entries", record.entries().stream()
                .map(entry -> List.of(entry.type(), entry.slug(), entry.name(), encode(entry)))
                .toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode feed ranges", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored ranges are not JSON: " + text, e);
        }
    }
}
