package io.bulwark.portal;

import io.bulwark.db.Times;
import io.bulwark.sites.SiteView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The portal's own SQL. Every site query names the user, so a page can only ever read the
 * signed-in customer's sites; another user's site id finds nothing, exactly like a missing one.
 */
public final class PortalRepository {
    private static final String SITE = "SELECT id, url, last_ping_at, last_seen_at, "
            + "plugin_version, firewall_enabled, vulnerabilities_as_of FROM sites ";

    List<SiteStatus> sitesOf(Handle handle, long userId) {
        return handle.createQuery(SITE + "WHERE user_id = :user ORDER BY id")
                .bind("user", userId)
                .map(PortalRepository::site)
                .list();
    }

    Optional<SiteStatus> siteOf(Handle handle, long userId, long siteId) {
        return handle.createQuery(SITE + "WHERE id = :site AND user_id = :user")
                .bind("site", siteId)
                .bind("user", userId)
                .map(PortalRepository::site)
                .findOne();
    }

    /** The newest {@code limit} blocked requests of a site, newest first. */
    List<BlockedRequest> recentAttacks(Handle handle, long siteId, int limit) {
        return handle.createQuery("SELECT occurred_at, ip, method, request_uri, fid FROM attacks "
                        + "WHERE site_id = :site ORDER BY occurred_at DESC, record_hash, copy_no "
                        + "LIMIT :limit")
                .bind("site", siteId)
                .bind("limit", limit)
                .map((row, ctx) -> new BlockedRequest(Times.fromMicros(row.getLong("occurred_at")),
                        row.getString("ip"), row.getString("method"),
                        row.getString("request_uri"), row.getString("fid")))
                .list();
    }

    /**
     * The inventory's database rows, which the Hosting API's view leaves out but the portal
     * shows (hosting-api decision 16).
     */
    List<SiteView.Software> databaseRows(Handle handle, long siteId) {
        return handle.createQuery("SELECT name, version, version_new, vulnerability_status "
                        + "FROM software_items WHERE site_id = :site AND sw_type = 'database' "
                        + "ORDER BY position")
                .bind("site", siteId)
                .map((row, ctx) -> new SiteView.Software(row.getString("name"), "database",
                        row.getString("version"), row.getString("version_new"), null, true,
                        row.getString("vulnerability_status")))
                .list();
    }

    private static SiteStatus site(ResultSet row, StatementContext context) throws SQLException {
        return new SiteStatus(row.getLong("id"), row.getString("url"),
                instant(row, "last_ping_at"), instant(row, "last_seen_at"),
                Optional.ofNullable(row.getString("plugin_version")),
                flag(row, "firewall_enabled"), instant(row, "vulnerabilities_as_of"));
    }

    private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        long micros = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Times.fromMicros(micros));
    }

    private static Optional<Boolean> flag(ResultSet row, String column) throws SQLException {
        boolean value = row.getBoolean(column);
        return row.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
