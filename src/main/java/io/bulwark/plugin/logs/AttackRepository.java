package io.bulwark.plugin.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for raw firewall records and the per-day totals of blocked requests. */
final class AttackRepository {
    /** A record to insert with its copy number. */
    record Copy(FirewallRecord record, int copyNo) {
    }

    /**
     * Inserts each copy unless the site already holds that record with that copy number.
     * Positional binding: this is the hot path of log ingestion, and named parameters cost
     * several times more per row.
     *
     * @return the copies actually inserted
     */
    List<Copy> insertMissing(Handle handle, long siteId, List<Copy> copies, Instant receivedAt) {
        if (copies.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO attacks (site_id, record_hash, "
                + "copy_no, day, occurred_at, received_at, ip, fid, method, request_uri, "
                + "user_agent, log_date, post_data, post_data_clipped) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (site_id, record_hash, copy_no) DO NOTHING");
        for (Copy copy : copies) {
            FirewallRecord record = copy.record();
            batch.add(siteId, record.hash(), copy.copyNo(), record.day(), record.occurredAt(),
                    receivedAt, record.ip(), record.fid(), record.method(), record.requestUri(),
                    record.userAgent(), record.logDate(), record.postData(),
                    record.postDataClipped());
        }
        int[] inserted = batch.execute();
        List<Copy> stored = new ArrayList<>(copies.size());
        for (int i = 0; i < inserted.length; i++) {
            if (inserted[i] > 0) {
                stored.add(copies.get(i));
            }
        }
        return stored;
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
