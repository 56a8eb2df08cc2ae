package io.bulwark.vulns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for stored feed records, their software entries and the slugs awaiting re-evaluation. */
public final class FeedStore {
    /** Bound on the values of one {@code IN} list, well under every engine's parameter limit. */
    static final int IN_LIST = 500;

    private final EntryCodec codec;

    public FeedStore(EntryCodec codec) {
        this.codec = codec;
    }

    /** The lookup key of a slug: lower-cased, so one index serves both sources' rules. */
    static String slugKey(String slug) {
        return slug.toLowerCase(Locale.ROOT);
    }

    /** The content hashes of those of {@code recordIds} that are stored. */
    Map<String, String> hashes(Handle handle, FeedFormat source, Collection<String> recordIds) {
        Map<String, String> hashes = new HashMap<>();
        for (List<String> part : partition(recordIds)) {
            handle.createQuery("SELECT record_id, content_hash FROM vuln_records "
                            + "WHERE source = :source AND record_id IN (<ids>)")
                    .bind("source", source.label())
                    .bindList("ids", part)
                    .map((row, ctx) -> Map.entry(row.getString(1), row.getString(2)))
                    .forEach(entry -> hashes.put(entry.getKey(), entry.getValue()));
        }
        return hashes;
    }

    /** The slug keys the stored entries of {@code recordIds} are filed under. */
    Set<String> storedSlugKeys(Handle handle, FeedFormat source, Collection<String> recordIds) {
        Set<String> keys = new TreeSet<>();
        for (List<String> part : partition(recordIds)) {
            keys.addAll(handle.createQuery("SELECT DISTINCT slug_key FROM vuln_software "
                            + "WHERE source = :source AND record_id IN (<ids>)")
                    .bind("source", source.label())
                    .bindList("ids", part)
                    .mapTo(String.class)
                    .list());
        }
        return keys;
    }

    /** Inserts or replaces the records and all their software entries. */
    void upsert(Handle handle, List<FeedRecord> records, Map<String, String> hashes,
            Instant now) {
        PreparedBatch upsert = handle.prepareBatch("INSERT INTO vuln_records (source, record_id, "
                + "title, cve, cvss_score, cvss_rating, informational, link, notice, content_hash, "
                + "first_seen_at, changed_at) VALUES (:source, :id, :title, :cve, :score, "
                + ":rating, :informational, :link, :notice, :hash, :now, :now) "
                + "ON CONFLICT (source, record_id) DO UPDATE SET title = excluded.title, "
                + "cve = excluded.cve, cvss_score = excluded.cvss_score, "
                + "cvss_rating = excluded.cvss_rating, informational = excluded.informational, "
                + "link = excluded.link, notice = excluded.notice, "
                + "content_hash = excluded.content_hash, changed_at = excluded.changed_at");
        PreparedBatch clear = handle.prepareBatch("DELETE FROM vuln_software "
                + "WHERE source = :source AND record_id = :id");
        PreparedBatch insert = handle.prepareBatch("INSERT INTO vuln_software (source, record_id, "
                + "position, sw_type, slug, slug_key, name, ranges) VALUES (:source, :id, "
                + ":position, :type, :slug, :key, :name, :ranges)");
        for (FeedRecord record : records) {
            String source = record.source().label();
            upsert.bind("source", source)
                    .bind("id", record.recordId())
                    .bind("title", record.title())
                    .bind("cve", String.join(",", record.cves()))
                    .bind("score", record.cvssScore().isPresent()
                            ? record.cvssScore().getAsDouble() : null)
                    .bind("rating", record.cvssRating())
                    .bind("informational", record.informational())
                    .bind("link", record.link())
                    .bind("notice", record.notice())
                    .bind("hash", hashes.get(record.recordId()))
                    .bind("now", now)
                    .add();
            clear.bind("source", source).bind("id", record.recordId()).add();
            for (int position = 0; position < record.entries().size(); position++) {
                FeedEntry entry = record.entries().get(position);
                insert.bind("source", source)
                        .bind("id", record.recordId())
                        .bind("position", position)
                        .bind("type", entry.type())
                        .bind("slug", entry.slug())
                        .bind("key", slugKey(entry.slug()))
                        .bind("name", entry.name())
                        .bind("ranges", codec.encode(entry))
                        .add();
            }
        }
        execute(upsert);
        execute(clear);
        execute(insert);
    }

    /** Every stored record id of {@code source}. */
    List<String> recordIds(Handle handle, FeedFormat source) {
        return handle.createQuery("SELECT record_id FROM vuln_records WHERE source = :source")
                .bind("source", source.label())
                .mapTo(String.class)
                .list();
    }

    /** Deletes the records; their entries and matches go with them. */
    void delete(Handle handle, FeedFormat source, Collection<String> recordIds) {
        for (List<String> part : partition(recordIds)) {
            handle.createUpdate("DELETE FROM vuln_records WHERE source = :source "
                            + "AND record_id IN (<ids>)")
                    .bind("source", source.label())
                    .bindList("ids", part)
                    .execute();
        }
    }

    /** Queues the rows filed under these slug keys for re-evaluation, restarting any cursor. */
    void markPending(Handle handle, Collection<String> slugKeys) {
        PreparedBatch mark = handle.prepareBatch("INSERT INTO vuln_pending_slugs (slug_key, "
                + "generation, after_site_id) VALUES (:key, 1, 0) ON CONFLICT (slug_key) "
                + "DO UPDATE SET generation = vuln_pending_slugs.generation + 1, "
                + "after_site_id = 0");
        for (String key : new TreeSet<>(slugKeys)) {
            mark.bind("key", key).add();
        }
        execute(mark);
    }

    static <T> List<List<T>> partition(Collection<T> values) {
        List<List<T>> parts = new ArrayList<>();
        List<T> current = new ArrayList<>(IN_LIST);
        for (T value : values) {
            current.add(value);
            if (current.size() == IN_LIST) {
                parts.add(current);
                current = new ArrayList<>(IN_LIST);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current);
        }
        return parts;
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }
}
