package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.sites.SiteView;
import java.util.List;
import org.junit.jupiter.api.Test;

class SoftwareRowTest {
    @Test
    void detail_leavesOutWhatRepeatsTheName() {
        assertThat(row("plugin", "Akismet Anti-Spam", "akismet").detail())
                .isEqualTo("Plugin · akismet");
        assertThat(row("php", "PHP", null).detail()).isEmpty();
        assertThat(row("wordpress", "WordPress", "wordpress").detail()).isEmpty();
        assertThat(row("database", "MariaDB", null).detail()).isEqualTo("Database");
    }

    @Test
    void isInactivePlugin_onlyForPluginsSwitchedOff() {
        SoftwareRow plugin = new SoftwareRow(new SiteView.Software("Hello Dolly", "plugin",
                "1.7.2", null, "hello", false, "not_vulnerable"), List.of());
        SoftwareRow theme = new SoftwareRow(new SiteView.Software("Old Theme", "theme", "1.0",
                null, "old", false, "unknown"), List.of());

        assertThat(plugin.isInactivePlugin()).isTrue();
        assertThat(plugin.isChecked()).isTrue();
        assertThat(theme.isInactivePlugin()).isFalse();
        assertThat(theme.isChecked()).isFalse();
    }

    private static SoftwareRow row(String type, String name, String slug) {
        return new SoftwareRow(new SiteView.Software(name, type, "1.0", null, slug, true,
                "unknown"), List.of());
    }
}
