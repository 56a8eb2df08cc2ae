package io.bulwark.vulns;

import java.util.Objects;
import java.util.Optional;

/**
 * One stored software row as the evaluation reads it.
 *
 * @param siteId the site
 * @param position the row's position in the site's inventory
 * @param type {@code plugin}, {@code theme}, {@code wordpress}, {@code php} or {@code database}
 * @param name the product name from its header, or empty
 * @param file the plugin file ({@code akismet/akismet.php}) or theme directory, or empty
 * @param slug the slug stored with the row, or empty
 * @param version the installed version as reported
 * @param lookupSlug the lookup key written by the last evaluation, or empty
 * @param status the stored state: {@code vulnerable}, {@code not_vulnerable} or {@code unknown}
 */
record SoftwareRow(long siteId, int position, String type, String name, String file, String slug,
        String version, String lookupSlug, String status) {
    SoftwareRow {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(lookupSlug, "lookupSlug");
        Objects.requireNonNull(status, "status");
    }

    /**
     * The type and slug a feed record is looked up by (vulnerabilities.md §2): a plugin by its
     * folder ({@code akismet/akismet.php} gives {@code akismet}) or, for a single-file plugin,
     * its file name without {@code .php}; a theme by its directory; WordPress core as type
     * {@code core}, slug {@code wordpress}. PHP and database rows have none.
     */
    Optional<Installed> installed() {
        String key = file.isEmpty() ? slug : file;
        return switch (type) {
            case "plugin" -> {
                int slash = key.indexOf('/');
                String folder = slash >= 0 ? key.substring(0, slash)
                        : key.endsWith(".php") ? key.substring(0, key.length() - 4) : key;
                yield folder.isEmpty() ? Optional.empty()
                        : Optional.of(new Installed("plugin", folder));
            }
            case "theme" -> key.isEmpty() ? Optional.empty()
                    : Optional.of(new Installed("theme", key));
            case "wordpress" -> Optional.of(new Installed("core", "wordpress"));
            default -> Optional.empty();
        };
    }

    /**
     * A component as the feeds name it.
     *
     * @param type {@code plugin}, {@code theme} or {@code core}
     * @param slug the slug, case kept
     */
    record Installed(String type, String slug) {
        String key() {
            return FeedStore.slugKey(slug);
        }
    }
}
