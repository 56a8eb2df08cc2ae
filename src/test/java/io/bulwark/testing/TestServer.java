package io.bulwark.testing;

import io.bulwark.App;
import io.bulwark.config.Config;
import io.bulwark.config.ConfigLoader;
import io.bulwark.crypto.Passwords;
import io.bulwark.providers.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The real application on a free loopback port over a fresh {@link TestDatabase}. Passwords
 * use cheap Argon2id parameters so suites stay fast; everything else is as in production.
 */
public final class TestServer implements AutoCloseable {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final TestDatabase database;
    private final App app;
    private final int port;
    private final int errorMark = ErrorRecorder.count();
    private boolean errorsExpected;

    private TestServer(TestDatabase database, Clock clock, Map<String, String> extra) {
        this.database = database;
        this.port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("BULWARK_HOST", "127.0.0.1");
        env.put("BULWARK_PORT", Integer.toString(port));
        env.put("BULWARK_DB_URL", database.jdbcUrl());
        env.put("BULWARK_DATA_DIR", database.dataDir().toString());
        env.put("BULWARK_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("BULWARK_SECRET_KEY", KEY);
        env.putAll(extra);
        Config config = ConfigLoader.load(env, Map.of());
        this.app = new App(config, clock, new SecureRandom(), new Passwords(1024, 1));
        app.start();
    }

    /** Starts a server on a new database of {@code kind} ("sqlite" or "postgresql"). */
    public static TestServer start(String kind) {
        return new TestServer(TestDatabase.create(kind), Clock.systemUTC(), Map.of());
    }

    /** Starts a server with a given clock and extra {@code BULWARK_*} settings. */
    public static TestServer start(String kind, Clock clock, Map<String, String> extra) {
        return new TestServer(TestDatabase.create(kind), clock, extra);
    }

    public App app() {
        return app;
    }

    public TestDatabase database() {
        return database;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Creates a provider with the default plan and returns its host token. */
    public String newProvider(String name) {
        return app.providers().create(name, Plan.DEFAULT).token();
    }

    /** The host token a client sends, to check that it never reaches the log. */
    public String hostTokenOf(HttpTestClient client) {
        return client.hostToken();
    }

    /** An HTTP client for this server, sending {@code hostToken} on /hosting calls. */
    public HttpTestClient client(String hostToken) {
        return new HttpTestClient(baseUrl(), hostToken);
    }

    /** Lets this server log ERROR lines (tests of failures a human must act on). */
    public void expectErrors() {
        errorsExpected = true;
    }

    /** Stops the server; fails when the application logged an ERROR that was not expected. */
    @Override
    public void close() {
        app.close();
        java.util.List<String> errors = ErrorRecorder.since(errorMark);
        if (!errorsExpected && !errors.isEmpty()) {
            throw new AssertionError("The server logged ERROR lines: " + errors);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
