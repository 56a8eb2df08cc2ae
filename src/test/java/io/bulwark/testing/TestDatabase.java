package io.bulwark.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A fresh, empty database of either kind for one test class: a SQLite file in a new temporary
 * folder, or a new schema in the PostgreSQL named by {@code BULWARK_TEST_PG_URL} (default: the
 * local server's {@code test} database). PostgreSQL is never skipped: if it does not answer,
 * the test fails and says how to start it.
 */
public record TestDatabase(String kind, String jdbcUrl, Path dataDir) {
    private static final String DEFAULT_PG_URL =
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    /** Both kinds, for parameterised tests: {@code @MethodSource("io.bulwark...#kinds")}. */
    public static java.util.stream.Stream<String> kinds() {
        return java.util.stream.Stream.of("sqlite", "postgresql");
    }

    public static TestDatabase create(String kind) {
        try {
            Path dataDir = Files.createTempDirectory("bulwark-test-");
            if (kind.equals("sqlite")) {
                return new TestDatabase(kind, "jdbc:sqlite:" + dataDir.resolve("bulwark.db"),
                        dataDir);
            }
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "")
                    .substring(0, 16).toLowerCase(Locale.ROOT);
            String base = postgresUrl();
            try (Connection connection = DriverManager.getConnection(base);
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            String separator = base.contains("?") ? "&" : "?";
            return new TestDatabase(kind, base + separator + "currentSchema=" + schema, dataDir);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL does not answer at " + postgresUrl()
                    + " (" + e.getMessage() + "); start it or set BULWARK_TEST_PG_URL. "
                    + "scripts/test-deps.sh starts Debian's PostgreSQL.", e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The PostgreSQL base URL the tests use. */
    public static String postgresUrl() {
        String url = System.getenv("BULWARK_TEST_PG_URL");
        return url == null || url.isBlank() ? DEFAULT_PG_URL : url;
    }

    public boolean isPostgres() {
        return kind.equals("postgresql");
    }
}
