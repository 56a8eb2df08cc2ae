package io.bulwark.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The server's immutable configuration, read once at start-up by {@link ConfigLoader}.
 *
 * @param host the address the HTTP server binds to ({@code 0.0.0.0}: every interface)
 * @param port TCP port of the HTTP server; 0 picks a free one (tests)
 * @param databaseUrl JDBC URL; SQLite or PostgreSQL
 * @param dataDir folder for the embedded database and the generated key
 * @param publicUrl base URL written into login links and plugin zips, without trailing slash
 * @param publicUrlConfigured false when {@code publicUrl} is the localhost default
 * @param secretKey base64 of the 32-byte key that encrypts site secrets, when configured
 * @param pluginTokenLifetime lifetime of the plugin's bearer tokens
 * @param attackRetention how long raw firewall and activity records are kept
 * @param trustedProxies socket addresses whose {@code X-Forwarded-For} is believed
 * @param sessionIdleTimeout portal session lifetime without activity
 * @param sessionMaxAge portal session lifetime in all
 * @param feed the scheduled vulnerability feed import, when configured
 */
public record Config(
        String host,
        int port,
        String databaseUrl,
        Path dataDir,
        URI publicUrl,
        boolean publicUrlConfigured,
        Optional<String> secretKey,
        Duration pluginTokenLifetime,
        Duration attackRetention,
        List<String> trustedProxies,
        Duration sessionIdleTimeout,
        Duration sessionMaxAge,
        Optional<FeedConfig> feed) {
    public Config {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(secretKey, "secretKey");
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(feed, "feed");
    }

    /** Whether the database is the embedded SQLite file rather than PostgreSQL. */
    public boolean isSqlite() {
        return databaseUrl.startsWith("jdbc:sqlite:");
    }

    /** The public base URL as a string without trailing slash, as written into PHP and links. */
    public String publicBase() {
        return publicUrl.toString();
    }

    /** A copy with another port and, unless configured, the matching default public URL. */
    public Config withPort(int newPort) {
        URI url = publicUrlConfigured ? publicUrl : ConfigLoader.defaultPublicUrl(newPort);
        return new Config(host, newPort, databaseUrl, dataDir, url, publicUrlConfigured, secretKey,
                pluginTokenLifetime, attackRetention, trustedProxies, sessionIdleTimeout,
                sessionMaxAge, feed);
    }
}
