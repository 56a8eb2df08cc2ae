package io.bulwark.plugin.inventory;

import java.util.List;
import java.util.Optional;

/**
 * What the plugin is told about a site's vulnerable software.
 *
 * @param pluginFiles the {@code sw_key} values (plugin files) with a known vulnerability; the
 *     plugin fetches rules again when one is new, and may auto-update exactly these
 * @param counts the figures wp-admin shows, or empty while the site's state is unknown (then
 *     wp-admin shows "?" instead of a false 0)
 */
public record VulnerableSoftware(List<String> pluginFiles, Optional<Counts> counts) {
    public VulnerableSoftware {
        pluginFiles = List.copyOf(pluginFiles);
    }

    /** The state of a site nobody has evaluated: nothing listed, no figures. */
    public static VulnerableSoftware unknown() {
        return new VulnerableSoftware(List.of(), Optional.empty());
    }

    /** wp-admin's "Vulnerabilities present" and "Fixes available". */
    public record Counts(long vulnerabilities, long fixesAvailable) {
    }
}
