package io.bulwark.plugin.status;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** SQL for what the plugin reports about itself: pings, firewall state, URL, rule settings. */
final class SiteStatus {
    void ping(Handle handle, long siteId, Instant now) {
        handle.createUpdate("UPDATE sites SET last_ping_at = :now WHERE id = :site")
                .bind("site", siteId)
                .bind("now", now)
                .execute();
    }

    /**
     * Records the firewall state unless a newer report is already stored (ping and status call
     * both carry it; the newer one wins).
     */
    void firewall(Handle handle, long siteId, boolean enabled, Instant now) {
        handle.createUpdate("UPDATE sites SET firewall_enabled = :enabled, "
                        + "firewall_changed_at = :now WHERE id = :site "
                        + "AND (firewall_changed_at IS NULL OR firewall_changed_at <= :now)")
                .bind("site", siteId)
                .bind("enabled", enabled)
                .bind("now", now)
                .execute();
    }

    void pluginUrl(Handle handle, long siteId, String url) {
        handle.createUpdate("UPDATE sites SET plugin_url = :url WHERE id = :site")
                .bind("site", siteId)
                .bind("url", url)
                .execute();
    }

    void ruleSettings(Handle handle, long siteId, String settingsJson, Instant now) {
        handle.createUpdate("INSERT INTO site_rule_settings (site_id, settings, updated_at) "
                        + "VALUES (:site, :settings, :now) ON CONFLICT (site_id) DO UPDATE "
                        + "SET settings = excluded.settings, updated_at = excluded.updated_at")
                .bind("site", siteId)
                .bind("settings", settingsJson)
                .bind("now", now)
                .execute();
    }
}
