package io.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    @Test
    void load_noSettings_usesTheEmbeddedDefaults() {
        Config config = ConfigLoader.load(Map.of(), Map.of());

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:./bulwark-data/bulwark.db");
        assertThat(config.publicBase()).isEqualTo("http://localhost:8080");
        assertThat(config.publicUrlConfigured()).isFalse();
        assertThat(config.attackRetention().toDays()).isEqualTo(90);
    }

    @Test
    void load_overrides_winOverTheEnvironment() {
        Config config = ConfigLoader.load(Map.of("BULWARK_PORT", "9000"),
                Map.of("BULWARK_PORT", "9100"));

        assertThat(config.port()).isEqualTo(9100);
    }

    @Test
    void load_publicUrlWithTrailingSlash_dropsIt() {
        Config config = ConfigLoader.load(Map.of("BULWARK_PUBLIC_URL",
                "https://secure.example.net:8443/"), Map.of());

        assertThat(config.publicBase()).isEqualTo("https://secure.example.net:8443");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://x.example", "https://x.example/path", "https://x.example?q=1",
        "https://x.example/'", "x.example", "https://a b.example"})
    void load_badPublicUrl_namesTheKey(String url) {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_PUBLIC_URL", url), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("BULWARK_PUBLIC_URL must be an absolute http(s) URL");
    }

    @Test
    void load_portOutOfRange_namesTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_PORT", "70000"), Map.of()))
                .hasMessage("BULWARK_PORT must be an integer from 0 to 65535, got '70000'");
    }

    @Test
    void load_otherDatabase_isRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_DB_URL",
                "jdbc:mysql://admin:hunter2@db/x?password=hunter2"), Map.of()))
                .hasMessage("BULWARK_DB_URL must start with jdbc:sqlite: or jdbc:postgresql:, "
                        + "got 'jdbc:mysql://db/x'");
    }
}
