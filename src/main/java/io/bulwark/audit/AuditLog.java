package io.bulwark.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Writes audit records; they outlive the users and sites they name. */
public final class AuditLog {
    /** One audited call. */
    public record Entry(
            long providerId,
            String action,
            String targetType,
            Long targetId,
            int status,
            String clientIp,
            String requestId,
            Instant at) {
    }

    public void write(Handle handle, Entry entry) {
        writeAll(handle, List.of(entry));
    }

    /** Writes several records in one batch. */
    public void writeAll(Handle handle, List<Entry> entries) {
        PreparedBatch batch = handle.prepareBatch("INSERT INTO audit_log (provider_id, action, "
                + "target_type, target_id, status, client_ip, request_id, created_at) VALUES "
                + "(:provider, :action, :type, :target, :status, :ip, :request, :at)");
        for (Entry entry : entries) {
            batch.bind("provider", entry.providerId())
                    .bind("action", entry.action())
                    .bind("type", entry.targetType())
                    .bind("target", entry.targetId())
                    .bind("status", entry.status())
                    .bind("ip", entry.clientIp())
                    .bind("request", entry.requestId())
                    .bind("at", entry.at())
                    .add();
        }
        batch.execute();
    }
}
