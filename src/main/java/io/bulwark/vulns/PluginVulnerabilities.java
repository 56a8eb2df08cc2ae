package io.bulwark.vulns;

import io.bulwark.plugin.inventory.InventoryListener;
import io.bulwark.plugin.inventory.VulnerabilityReport;
import io.bulwark.plugin.inventory.VulnerableSoftware;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Vulnerability intelligence as the plugin's software upload sees it (vulnerabilities.md §5,
 * §7): every accepted inventory is evaluated in the upload's own transaction, under the site's
 * lock, and the reply lists the vulnerable plugins, with the two counters only while the site's
 * state is known, so that wp-admin shows "?" rather than a false 0.
 */
public final class PluginVulnerabilities implements InventoryListener, VulnerabilityReport {
    private final VulnerabilityEvaluation evaluation;
    private final SiteVulnerabilities sites;

    public PluginVulnerabilities(VulnerabilityEvaluation evaluation, SiteVulnerabilities sites) {
        this.evaluation = evaluation;
        this.sites = sites;
    }

    @Override
    public void inventoryReplaced(Handle handle, long siteId) {
        evaluation.evaluateSite(handle, siteId);
    }

    @Override
    public VulnerableSoftware vulnerableSoftware(Handle handle, long siteId) {
        SiteVulnerabilities.Summary summary = sites.summary(handle, siteId);
        Optional<VulnerableSoftware.Counts> counts = summary.known()
                ? Optional.of(new VulnerableSoftware.Counts(summary.vulnerabilityCount(),
                        summary.fixCount()))
                : Optional.empty();
        return new VulnerableSoftware(summary.vulnerablePlugins(), counts);
    }
}
