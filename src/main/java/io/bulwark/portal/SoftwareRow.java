package io.bulwark.portal;

import io.bulwark.sites.SiteView;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One row of a site's software table.
 *
 * @param software the inventory row
 * @param vulnerabilities the records matched to it
 */
public record SoftwareRow(SiteView.Software software, List<MatchedVulnerability> vulnerabilities) {
    public SoftwareRow {
        Objects.requireNonNull(software, "software");
        vulnerabilities = List.copyOf(vulnerabilities);
    }

    /** Whether the vulnerability feature has looked at this row; php and database it never does. */
    public boolean isChecked() {
        return !"unknown".equals(software.vulnerabilityStatus());
    }

    /** Whether the row is a plugin that WordPress has switched off. */
    public boolean isInactivePlugin() {
        return "plugin".equals(software.type()) && !software.isActive();
    }

    /**
     * The line under the name: type and slug, each left out where it only repeats the name
     * (PHP, WordPress).
     */
    public String detail() {
        List<String> parts = new ArrayList<>();
        if (!typeLabel().equalsIgnoreCase(software.name())) {
            parts.add(typeLabel());
        }
        if (software.slug() != null && !software.slug().equalsIgnoreCase(software.name())) {
            parts.add(software.slug());
        }
        return String.join(" · ", parts);
    }

    /** The type as a reader says it. */
    public String typeLabel() {
        return switch (software.type()) {
            case "php" -> "PHP";
            case "wordpress" -> "WordPress";
            case "plugin" -> "Plugin";
            case "theme" -> "Theme";
            case "database" -> "Database";
            default -> software.type();
        };
    }
}
