package io.bulwark.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds {@link Config} from defaults, then an optional properties file ({@code BULWARK_CONFIG}),
 * then the environment, then command-line overrides; later sources win. Keys are spelled as
 * environment variables everywhere ({@code BULWARK_PORT=8080} in the file too).
 */
public final class ConfigLoader {
    private final Map<String, String> values = new HashMap<>();

    private ConfigLoader(Map<String, String> environment) {
        String file = environment.get("BULWARK_CONFIG");
        if (file != null && !file.isBlank()) {
            values.putAll(readFile(Path.of(file)));
        }
        environment.forEach((key, value) -> {
            if (key.startsWith("BULWARK_")) {
                values.put(key, value);
            }
        });
    }

    /** Reads the process environment; {@code overrides} come from command-line options. */
    public static Config load(Map<String, String> environment, Map<String, String> overrides) {
        ConfigLoader loader = new ConfigLoader(environment);
        overrides.forEach((key, value) -> {
            if (value != null) {
                loader.values.put(key, value);
            }
        });
        return loader.build();
    }

    static URI defaultPublicUrl(int port) {
        return URI.create("http://localhost:" + port);
    }

    private Config build() {
        int port = integer("BULWARK_PORT", 8080, 0, 65535);
        String host = text("BULWARK_HOST", "0.0.0.0");
        if (!host.matches("[A-Za-z0-9.:\\-]{1,253}")) {
            throw new ConfigException("BULWARK_HOST must be an IP address or host name to bind "
                    + "to, such as 127.0.0.1 or 0.0.0.0, got '" + host + "'");
        }
        Path dataDir = Path.of(text("BULWARK_DATA_DIR", "./bulwark-data"));
        String databaseUrl = text("BULWARK_DB_URL",
                "jdbc:sqlite:" + dataDir.resolve("bulwark.db"));
        if (!databaseUrl.startsWith("jdbc:sqlite:")
                && !databaseUrl.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("BULWARK_DB_URL must start with jdbc:sqlite: or "
                    + "jdbc:postgresql:, got '" + withoutSecrets(databaseUrl) + "'");
        }
        String publicUrl = values.get("BULWARK_PUBLIC_URL");
        boolean configured = publicUrl != null && !publicUrl.isBlank();
        URI url = configured ? PublicUrl.parse(publicUrl) : defaultPublicUrl(port);
        Optional<String> key = Optional.ofNullable(values.get("BULWARK_SECRET_KEY"))
                .filter(value -> !value.isBlank());
        return new Config(host, port, databaseUrl, dataDir, url, configured, key,
                Duration.ofSeconds(integer("BULWARK_PLUGIN_TOKEN_SECONDS", 86400, 60, 31536000)),
                Duration.ofDays(integer("BULWARK_ATTACK_RETENTION_DAYS", 90, 1, 3650)),
                list("BULWARK_TRUSTED_PROXIES"),
                Duration.ofMinutes(integer("BULWARK_SESSION_IDLE_MINUTES", 120, 1, 43200)),
                Duration.ofHours(integer("BULWARK_SESSION_MAX_HOURS", 24, 1, 8760)),
                feed());
    }

    /** The scheduled feed import: off unless {@code BULWARK_FEED_URL} is set. */
    private Optional<FeedConfig> feed() {
        String url = values.get("BULWARK_FEED_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        URI uri = feedUrl(url);
        String format = text("BULWARK_FEED_FORMAT", "wordfence");
        if (!format.equals("wordfence") && !format.equals("patchstack")) {
            throw new ConfigException("BULWARK_FEED_FORMAT must be wordfence or patchstack, got '"
                    + format + "'");
        }
        Optional<String> authorization = Optional.ofNullable(
                values.get("BULWARK_FEED_AUTHORIZATION")).filter(value -> !value.isBlank());
        return Optional.of(new FeedConfig(uri, format, authorization, hours(
                "BULWARK_FEED_INTERVAL_HOURS", 24)));
    }

    private static URI feedUrl(String raw) {
        try {
            URI uri = new URI(raw.trim());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (http && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException ignored) {
            // Answered by the exception below, which names the key and the value.
        }
        throw new ConfigException("BULWARK_FEED_URL must be an absolute http(s) URL, got '"
                + withoutSecrets(raw) + "'");
    }

    private Duration hours(String key, double fallback) {
        String value = values.get(key);
        double hours = fallback;
        if (value != null && !value.isBlank()) {
            try {
                hours = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                hours = Double.NaN;
            }
        }
        if (!(hours >= 0.5 && hours <= 8760)) {
            throw new ConfigException(key + " must be a number of hours from 0.5 to 8760, got '"
                    + value + "'");
        }
        return Duration.ofSeconds(Math.round(hours * 3600));
    }

    /** A URL fit for an error message: no query string, no {@code user:password@} part. */
    static String withoutSecrets(String url) {
        return url.split("\\?")[0].replaceAll("//[^/@]*@", "//");
    }

    private String text(String key, String fallback) {
        String value = values.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private int integer(String key, int fallback, int min, int max) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " must be an integer from " + min + " to " + max
                    + ", got '" + value + "'");
        }
    }

    private List<String> list(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .toList();
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("BULWARK_CONFIG names " + file + ", which cannot be read: "
                    + e.getMessage());
        }
        Map<String, String> result = new HashMap<>();
        properties.forEach((key, value) -> result.put(key.toString(), value.toString()));
        return result;
    }

    /** Validation of {@code BULWARK_PUBLIC_URL}: it is written into PHP source. */
    static final class PublicUrl {
        private PublicUrl() {
        }

        static URI parse(String raw) {
            String value = raw.trim();
            if (value.endsWith("/")) {
                value = value.substring(0, value.length() - 1);
            }
            String rule = "BULWARK_PUBLIC_URL must be an absolute http(s) URL with only scheme, "
                    + "host and optional port (no path, query, quotes or spaces), got '" + raw
                    + "'";
            if (!value.matches("[A-Za-z0-9:/.\\-\\[\\]]+")) {
                throw new ConfigException(rule);
            }
            try {
                URI uri = new URI(value);
                boolean httpScheme = "http".equals(uri.getScheme())
                        || "https".equals(uri.getScheme());
                boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty();
                if (!httpScheme || uri.getHost() == null || !bare || uri.getRawQuery() != null
                        || uri.getRawUserInfo() != null) {
                    throw new ConfigException(rule);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(rule);
            }
        }
    }
}
