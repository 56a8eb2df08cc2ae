package io.bulwark.plugin.inventory;

import java.util.Objects;

/**
 * One item of a site's inventory as stored, already in the Hosting API's terms.
 *
 * @param type {@code plugin}, {@code theme}, {@code wordpress}, {@code php} or {@code database}
 * @param name the display name
 * @param version the installed version, possibly empty
 * @param versionNew the update WordPress offers, or null when none is known
 * @param file the plugin file or theme folder as the plugin reported it ({@code sw_key}), or
 *     null for the other types
 * @param slug the WordPress.org slug of a plugin or theme, or null for the other types
 * @param isActive whether the item is in use (decision 16 of the Hosting API)
 */
public record SoftwareItem(
        String type,
        String name,
        String version,
        String versionNew,
        String file,
        String slug,
        boolean isActive) {
    public SoftwareItem {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }
}
