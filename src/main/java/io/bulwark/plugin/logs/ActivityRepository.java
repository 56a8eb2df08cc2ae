package io.bulwark.plugin.logs;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for activity records; a record already stored (same hash) is not stored again. */
final class ActivityRepository {
    void insert(Handle handle, long siteId, List<ActivityRecord> records, Instant receivedAt) {
        if (records.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO activity_records (site_id, "
                + "record_hash, received_at, plugin_row_id, author, ip, object_type, object_id, "
                + "object_name, action_name, event_date) VALUES (:site, :hash, :received, "
                + ":rowId, :author, :ip, :objectType, :objectId, :objectName, :action, :date) "
                + "ON CONFLICT (site_id, record_hash) DO NOTHING");
        for (ActivityRecord record : records) {
            batch.bind("site", siteId)
                    .bind("hash", record.hash())
                    .bind("received", receivedAt)
                    .bind("rowId", record.pluginRowId())
                    .bind("author", record.author())
                    .bind("ip", record.ip())
                    .bind("objectType", record.objectType())
                    .bind("objectId", record.objectId())
                    .bind("objectName", record.objectName())
                    .bind("action", record.action())
                    .bind("date", record.eventDate())
                    .add();
        }
        batch.execute();
    }

    int deleteReceivedBefore(Handle handle, long siteId, Instant cutoff) {
        return handle.createUpdate("DELETE FROM activity_records WHERE site_id = :site "
                        + "AND received_at < :cutoff")
                .bind("site", siteId)
                .bind("cutoff", cutoff)
                .execute();
    }
}
