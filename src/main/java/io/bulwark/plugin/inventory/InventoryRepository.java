package io.bulwark.plugin.inventory;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** SQL for the latest inventory of a site. */
final class InventoryRepository {
    /** The plugin's own file: its version is the site's plugin version. */
    static final String PATCHSTACK_FILE = "patchstack/patchstack.php";

    /** Replaces every row of the site with {@code items}, numbered in upload order. */
    void replace(Handle handle, long siteId, List<SoftwareItem> items) {
        handle.createUpdate("DELETE FROM software_items WHERE site_id = :site")
                .bind("site", siteId)
                .execute();
        if (items.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("INSERT INTO software_items (site_id, "
                + "position, sw_type, name, file, slug, version, version_new, is_active) "
                + "VALUES (:site, :position, :type, :name, :file, :slug, :version, :versionNew, "
                + ":active)");
        for (int position = 0; position < items.size(); position++) {
            SoftwareItem item = items.get(position);
            batch.bind("site", siteId)
                    .bind("position", position)
                    .bind("type", item.type())
                    .bind("name", item.name())
                    .bind("file", item.file())
                    .bind("slug", item.slug())
                    .bind("version", item.version())
                    .bind("versionNew", item.versionNew())
                    .bind("active", item.isActive())
                    .add();
        }
        batch.execute();
    }

    /** Stamps the upload time and, when the list names it, the plugin's own version. */
    void markUploaded(Handle handle, long siteId, Instant now, List<SoftwareItem> items) {
        String pluginVersion = items.stream()
                .filter(item -> item.type().equals("plugin")
                        && PATCHSTACK_FILE.equals(item.file()))
                .map(SoftwareItem::version)
                .findFirst()
                .orElse(null);
        handle.createUpdate("UPDATE sites SET inventory_at = :now, "
                        + "plugin_version = COALESCE(:version, plugin_version) WHERE id = :site")
                .bind("site", siteId)
                .bind("now", now)
                .bind("version", pluginVersion)
                .execute();
    }
}
