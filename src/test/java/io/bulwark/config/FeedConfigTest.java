package io.bulwark.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedConfigTest {
    @Test
    void load_noFeedUrl_scheduleIsOff() {
        Config config = ConfigLoader.load(Map.of(), Map.of());

        assertThat(config.feed()).isEmpty();
    }

    @Test
    void load_feedKeys_readWithDefaultsAndSecretKeptOutOfTheSafeUrl() {
        Config config = ConfigLoader.load(Map.of("BULWARK_FEED_URL",
                "https://feeds.example.test/v2/production?key=s3cret",
                "BULWARK_FEED_AUTHORIZATION", "Bearer abc", "BULWARK_FEED_INTERVAL_HOURS", "0.5"),
                Map.of());

        FeedConfig feed = config.feed().orElseThrow();
        assertThat(feed.format()).isEqualTo("wordfence");
        assertThat(feed.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(feed.authorization()).hasValue("Bearer abc");
        assertThat(feed.safeUrl()).isEqualTo("https://feeds.example.test/v2/production");
    }

    @Test
    void load_badFeedValues_refusedNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_FEED_URL", "ftp://x/feed"),
                Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("BULWARK_FEED_URL must be an absolute http(s) URL, got 'ftp://x/feed'");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_FEED_URL", "https://x/f",
                "BULWARK_FEED_FORMAT", "csv"), Map.of()))
                .hasMessage("BULWARK_FEED_FORMAT must be wordfence or patchstack, got 'csv'");
        assertThatThrownBy(() -> ConfigLoader.load(Map.of("BULWARK_FEED_URL", "https://x/f",
                "BULWARK_FEED_INTERVAL_HOURS", "0.25"), Map.of()))
                .hasMessage("BULWARK_FEED_INTERVAL_HOURS must be a number of hours from 0.5 to "
                        + "8760, got '0.25'");
    }
}
