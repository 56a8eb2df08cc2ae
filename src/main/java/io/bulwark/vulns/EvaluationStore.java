package io.bulwark.vulns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** SQL the evaluation reads and writes: software rows, candidate records and matches. */
public final class EvaluationStore {
    private static final String ROWS = "SELECT site_id, position, sw_type, name, file, slug, "
            + "version, vuln_slug, vulnerability_status FROM software_items ";

    private final EntryCodec codec;

    public EvaluationStore(EntryCodec codec) {
        this.codec = codec;
    }

    /**
     * The rows of the sites, or only those filed under {@code slugKey} when it is not empty.
     * The sites are read as one id range (an index range scan on every engine, whatever its
     * statistics), and rows of sites in the range but not in {@code siteIds} are dropped: the
     * caller holds only those sites' locks.
     */
    List<SoftwareRow> rows(Handle handle, List<Long> siteIds, String slugKey) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(siteIds);
        Query query = handle.createQuery(ROWS + "WHERE site_id >= :first AND site_id <= :last"
                        + (slugKey.isEmpty() ? "" : " AND vuln_slug = :key"))
                .bind("first", siteIds.get(0))
                .bind("last", siteIds.get(siteIds.size() - 1));
        if (!slugKey.isEmpty()) {
            query.bind("key", slugKey);
        }
        return query.map((row, ctx) -> new SoftwareRow(row.getLong(1), row.getInt(2),
                        row.getString(3), text(row.getString(4)), text(row.getString(5)),
                        text(row.getString(6)), text(row.getString(7)),
                        text(row.getString(8)), row.getString(9)))
                .list().stream()
                .filter(row -> wanted.contains(row.siteId()))
                .toList();
    }

    /** The stored records filed under each of {@code slugKeys}, with their mute and flag. */
    Map<String, List<Candidate>> candidates(Handle handle, Collection<String> slugKeys) {
        List<StoredEntry> stored = new ArrayList<>();
        for (List<String> part : FeedStore.partition(slugKeys)) {
            handle.createQuery("SELECT s.slug_key, s.source, s.record_id, s.sw_type, s.slug, "
                            + "s.name, s.ranges, r.informational, m.record_id AS muted "
                            + "FROM vuln_software s JOIN vuln_records r ON r.source = s.source "
                            + "AND r.record_id = s.record_id LEFT JOIN vuln_mutes m "
                            + "ON m.source = s.source AND m.record_id = s.record_id "
                            + "WHERE s.slug_key IN (<keys>) "
                            + "ORDER BY s.source, s.record_id, s.position")
                    .bindList("keys", part)
                    .map((row, ctx) -> new StoredEntry(row.getString(1),
                            FeedFormat.of(row.getString(2)), row.getString(3),
                            row.getBoolean(8), row.getString(9) != null,
                            codec.decode(FeedFormat.of(row.getString(2)), row.getString(4),
                                    row.getString(5), row.getString(6), row.getString(7))))
                    .forEach(stored::add);
        }

        Map<String, Map<String, List<StoredEntry>>> byKey = new HashMap<>();
        for (StoredEntry entry : stored) {
            byKey.computeIfAbsent(entry.slugKey(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.source().label() + "\n" + entry.recordId(),
                            id -> new ArrayList<>())
                    .add(entry);
        }
        Map<String, List<Candidate>> candidates = new HashMap<>();
        byKey.forEach((key, records) -> candidates.put(key, records.values().stream()
                .map(entries -> new Candidate(entries.get(0).source(),
                        entries.get(0).recordId(), entries.get(0).informational(),
                        entries.get(0).muted(),
                        entries.stream().map(StoredEntry::entry).toList()))
                .toList()));
        return candidates;
    }

    /**
     * The stored matches of the sites' rows, or of their rows filed under {@code slugKey}, read
     * as one id range like {@link #rows}.
     */
    List<RowMatch> matches(Handle handle, List<Long> siteIds, String slugKey) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(siteIds);
        Query query = handle.createQuery(slugKey.isEmpty()
                        ? "SELECT site_id, position, source, record_id, fixed_in FROM vuln_matches "
                                + "WHERE site_id >= :first AND site_id <= :last"
                        : "SELECT m.site_id, m.position, m.source, m.record_id, m.fixed_in "
                                + "FROM software_items i JOIN vuln_matches m "
                                + "ON m.site_id = i.site_id AND m.position = i.position "
                                + "WHERE i.vuln_slug = :key AND i.site_id >= :first "
                                + "AND i.site_id <= :last")
                .bind("first", siteIds.get(0))
                .bind("last", siteIds.get(siteIds.size() - 1));
        if (!slugKey.isEmpty()) {
            query.bind("key", slugKey);
        }
        return query.map((row, ctx) -> new RowMatch(row.getLong(1), row.getInt(2),
                        FeedFormat.of(row.getString(3)), row.getString(4), row.getString(5)))
                .list().stream()
                .filter(match -> wanted.contains(match.siteId()))
                .toList();
    }

    /** Writes the state and lookup key of rows whose values changed. */
    void updateRows(Handle handle, List<SoftwareRow> rows) {
        PreparedBatch update = handle.prepareBatch("UPDATE software_items "
                + "SET vulnerability_status = :status, vuln_slug = :key "
                + "WHERE site_id = :site AND position = :position");
        for (SoftwareRow row : rows) {
            update.bind("status", row.status())
                    .bind("key", row.lookupSlug().isEmpty() ? null : row.lookupSlug())
                    .bind("site", row.siteId())
                    .bind("position", row.position())
                    .add();
        }
        if (update.size() > 0) {
            update.execute();
        }
    }

    void deleteMatches(Handle handle, List<RowMatch> matches) {
        PreparedBatch delete = handle.prepareBatch("DELETE FROM vuln_matches WHERE "
                + "site_id = :site AND position = :position AND source = :source "
                + "AND record_id = :id");
        for (RowMatch match : matches) {
            bind(delete, match).add();
        }
        if (delete.size() > 0) {
            delete.execute();
        }
    }

    void insertMatches(Handle handle, List<RowMatch> matches) {
        PreparedBatch insert = handle.prepareBatch("INSERT INTO vuln_matches (site_id, position, "
                + "source, record_id, fixed_in) VALUES (:site, :position, :source, :id, :fix)");
        for (RowMatch match : matches) {
            bind(insert, match).bind("fix", match.fixedIn()).add();
        }
        if (insert.size() > 0) {
            insert.execute();
        }
    }

    /**
     * Sets the sites' {@code vulnerabilities_as_of}; with {@code onlyWithRows}, only of sites
     * that have an inventory.
     */
    void setAsOf(Handle handle, List<Long> siteIds, Instant asOf, boolean onlyWithRows) {
        for (List<Long> part : FeedStore.partition(siteIds)) {
            handle.createUpdate("UPDATE sites SET vulnerabilities_as_of = :asOf "
                            + "WHERE id IN (<sites>)" + (onlyWithRows ? " AND EXISTS (SELECT 1 "
                            + "FROM software_items i WHERE i.site_id = sites.id)" : ""))
                    .bind("asOf", asOf)
                    .bindList("sites", part)
                    .execute();
        }
    }

    private static PreparedBatch bind(PreparedBatch batch, RowMatch match) {
        return batch.bind("site", match.siteId())
                .bind("position", match.position())
                .bind("source", match.source().label())
                .bind("id", match.recordId());
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private record StoredEntry(String slugKey, FeedFormat source, String recordId,
            boolean informational, boolean muted, FeedEntry entry) {
    }
}
