package io.bulwark.hosting;

import io.bulwark.audit.AuditLog;
import io.bulwark.providers.Provider;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * One authenticated Hosting API call: who made it and what it is about, so a service can write
 * its audit record in the same transaction as the change. Calls that change nothing, or fail,
 * are audited after the response by {@link HostingApi}.
 */
public final class HostCall {
    private final Provider provider;
    private final String action;
    private final String clientIp;
    private final String requestId;
    private final AuditLog auditLog;
    private String targetType;
    private Long targetId;
    private boolean audited;

    HostCall(Provider provider, String action, String clientIp, String requestId,
            AuditLog auditLog) {
        this.provider = provider;
        this.action = action;
        this.clientIp = clientIp;
        this.requestId = requestId;
        this.auditLog = auditLog;
        this.targetType = action.substring(0, action.indexOf('.'));
    }

    public Provider provider() {
        return provider;
    }

    public long providerId() {
        return provider.id();
    }

    /** Names the object the call is about, for the audit record. */
    public void target(String type, long id) {
        this.targetType = type;
        this.targetId = id;
    }

    /** Writes the success record inside the caller's transaction. */
    public void auditSuccess(Handle handle, Instant now) {
        auditLog.write(handle, entry(200, now));
        audited = true;
    }

    boolean isAudited() {
        return audited;
    }

    AuditLog.Entry entry(int status, Instant now) {
        return new AuditLog.Entry(provider.id(), action, targetType, targetId, status, clientIp,
                requestId, now);
    }
}
