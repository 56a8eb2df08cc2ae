package io.bulwark.plugin.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.db.Transactions;
import io.bulwark.errors.UnauthorizedException;
import io.bulwark.plugin.RemovedSite;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Applies a software upload: the site's whole inventory is replaced in one transaction under
 * the per-site lock, so uploads of one site apply in arrival order and the site view never sees
 * half a list. The listeners run in the same transaction, then the report is read.
 */
public final class InventoryUpload {
    private final Transactions transactions;
    private final InventoryRepository inventory;
    private final SoftwareList parser;
    private final List<InventoryListener> listeners;
    private final VulnerabilityReport report;
    private final Clock clock;

    public InventoryUpload(Transactions transactions, ObjectMapper json,
            List<InventoryListener> listeners, VulnerabilityReport report, Clock clock) {
        this.transactions = transactions;
        this.inventory = new InventoryRepository();
        this.parser = new SoftwareList(json);
        this.listeners = List.copyOf(listeners);
        this.report = report;
        this.clock = clock;
    }

    /**
     * Replaces the inventory of {@code siteId} with the {@code software} field's list.
     *
     * @throws io.bulwark.errors.InvalidInputException when the field is unusable
     * @throws UnauthorizedException when the site was removed meanwhile
     */
    public VulnerableSoftware upload(long siteId, Optional<JsonNode> software) {
        List<SoftwareItem> items = parser.parse(software);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTransaction(handle -> {
            RemovedSite.lock(handle, siteId, null);
            inventory.replace(handle, siteId, items);
            inventory.markUploaded(handle, siteId, now, items);
            listeners.forEach(listener -> listener.inventoryReplaced(handle, siteId));
            return report.vulnerableSoftware(handle, siteId);
        });
    }
}
