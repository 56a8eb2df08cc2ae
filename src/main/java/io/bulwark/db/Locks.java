package io.bulwark.db;

import java.sql.SQLException;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * The only serialisation primitives Bulwark uses, portable to engines without advisory locks:
 * a row lock on the site, and a counter row per normalised URL. Each must be the first
 * statement of its transaction.
 */
public final class Locks {
    private Locks() {
    }

    /**
     * Serialises writers of one site's data until the transaction ends.
     *
     * @return false when the site does not exist (nothing is locked then)
     */
    public static boolean lockSite(Handle handle, long siteId) {
        return lockSite(handle, siteId, null);
    }

    /**
     * As {@link #lockSite(Handle, long)}, giving up after {@code maxWait} on PostgreSQL (SQLite
     * waits at most its busy timeout anyway): a plugin upload must answer well within the
     * plugin's own 60 s timeout.
     */
    public static boolean lockSite(Handle handle, long siteId, Duration maxWait) {
        if (maxWait != null && isPostgres(handle)) {
            handle.execute("SET LOCAL lock_timeout = '" + maxWait.toMillis() + "ms'");
        }
        return handle.createUpdate("UPDATE sites SET lock_seq = lock_seq + 1 WHERE id = :id")
                .bind("id", siteId)
                .execute() == 1;
    }

    private static boolean isPostgres(Handle handle) {
        try {
            return handle.getConnection().getMetaData().getDatabaseProductName()
                    .equals("PostgreSQL");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's product name", e);
        }
    }

    /** Serialises every transaction that checks or claims {@code normalizedUrl}. */
    public static void lockUrl(Handle handle, String normalizedUrl) {
        handle.createUpdate("INSERT INTO url_locks (normalized_url, n) VALUES (:url, 1) "
                        + "ON CONFLICT (normalized_url) DO UPDATE SET n = url_locks.n + 1")
                .bind("url", normalizedUrl)
                .execute();
    }
}
