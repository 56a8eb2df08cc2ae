package io.bulwark.plugin.logs;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for raw firewall records and the per-day totals of blocked requests. */
final class AttackRepository {
    private static final int IN_LIST_CHUNK = 500;

    /** How many copies of a record a site holds, and the highest copy number used. */
    record Stored(long copies, int highestCopy) {
    }

    Map<String, Stored> stored(Handle handle, long siteId, List<String> hashes) {
        Map<String, Stored> stored = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += IN_LIST_CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(),
                    from + IN_LIST_CHUNK));
            handle.createQuery("SELECT record_hash, COUNT(*) AS copies, MAX(copy_no) AS top "
                            + "FROM attacks WHERE site_id = :site AND record_hash IN (<hashes>) "
                            + "GROUP BY record_hash")
                    .bind("site", siteId)
                    .bindList("hashes", chunk)
                    .map((row, ctx) -> Map.entry(row.getString("record_hash"),
                            new Stored(row.getLong("copies"), row.getInt("top"))))
                    .forEach(entry -> stored.put(entry.getKey(), entry.getValue()));
        }
        return stored;
    }

    /** A record to insert with its copy number. */
    record Copy(FirewallRecord record, int copyNo) {
    }

    void insert(Handle handle, long siteId, List<Copy> copies, Instant receivedAt) {
        if (copies.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO attacks (site_id, record_hash, "
                + "copy_no, day, occurred_at, received_at, ip, fid, method, request_uri, "
                + "user_agent, log_date, post_data, post_data_clipped) VALUES (:site, :hash, "
                + ":copy, :day, :occurred, :received, :ip, :fid, :method, :uri, :agent, "
                + ":logDate, :postData, :clipped)");
        for (Copy copy : copies) {
            FirewallRecord record = copy.record();
            batch.bind("site", siteId)
                    .bind("hash", record.hash())
                    .bind("copy", copy.copyNo())
                    .bind("day", record.day())
                    .bind("occurred", record.occurredAt())
                    .bind("received", receivedAt)
                    .bind("ip", record.ip())
                    .bind("fid", record.fid())
                    .bind("method", record.method())
                    .bind("uri", record.requestUri())
                    .bind("agent", record.userAgent())
                    .bind("logDate", record.logDate())
                    .bind("postData", record.postData())
                    .bind("clipped", record.postDataClipped())
                    .add();
        }
        batch.execute();
    }

    /** Adds {@code counts} (blocked requests per UTC day) to the site's daily totals. */
    void addToDays(Handle handle, long siteId, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO attack_days (site_id, day, num) "
                + "VALUES (:site, :day, :num) ON CONFLICT (site_id, day) "
                + "DO UPDATE SET num = attack_days.num + excluded.num");
        counts.forEach((day, num) -> batch.bind("site", siteId).bind("day", day)
                .bind("num", num).add());
        batch.execute();
    }

    int deleteReceivedBefore(Handle handle, long siteId, Instant cutoff) {
        return handle.createUpdate("DELETE FROM attacks WHERE site_id = :site "
                        + "AND received_at < :cutoff")
                .bind("site", siteId)
                .bind("cutoff", cutoff)
                .execute();
    }
}
