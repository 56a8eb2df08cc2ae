package io.bulwark.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduled vulnerability feed import, configured with {@code BULWARK_FEED_URL} (off when
 * unset).
 *
 * @param url where the whole feed is downloaded from ({@code BULWARK_FEED_URL})
 * @param format {@code wordfence} or {@code patchstack} ({@code BULWARK_FEED_FORMAT})
 * @param authorization the {@code Authorization} header value to send, if any
 *     ({@code BULWARK_FEED_AUTHORIZATION}); a secret, never logged
 * @param interval time between imports, at least 30 minutes
 *     ({@code BULWARK_FEED_INTERVAL_HOURS}, decimal hours)
 */
public record FeedConfig(URI url, String format, Optional<String> authorization,
        Duration interval) {
    /** The shortest interval allowed. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(30);

    public FeedConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(authorization, "authorization");
        if (interval.compareTo(MIN_INTERVAL) < 0) {
            throw new ConfigException("BULWARK_FEED_INTERVAL_HOURS must be at least 0.5 "
                    + "(30 minutes), got " + interval);
        }
    }

    /** The URL without query or user info, safe for logs. */
    public String safeUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":"
                + url.getPort()) + (url.getRawPath() == null ? "" : url.getRawPath());
    }
}
