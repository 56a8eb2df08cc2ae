package io.bulwark.plugin.inventory;

import org.jdbi.v3.core.Handle;

/**
 * Told about every accepted inventory upload, inside its transaction and under the site's lock,
 * after the site's {@code software_items} were replaced. The vulnerability feature hooks in
 * here to re-evaluate the site; what it writes commits or rolls back with the upload.
 */
public interface InventoryListener {
    /** The rows of {@code siteId} in {@code software_items} are now the new inventory. */
    void inventoryReplaced(Handle handle, long siteId);
}
