package io.bulwark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.config.Config;
import io.bulwark.config.ConfigException;
import io.bulwark.config.ConfigLoader;
import io.bulwark.crypto.Passwords;
import io.bulwark.db.Database;
import io.bulwark.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Start-up rules of the key that encrypts site secrets, and of the database. */
class AppStartupTest {
    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "HxwdHhscGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwI=";

    @Test
    void start_sqliteWithoutKey_generatesAPrivateKeyFileAndReusesIt() throws Exception {
        TestDatabase database = TestDatabase.create("sqlite");
        Path keyFile = database.dataDir().resolve("secret.key");

        app(database, null).close();
        String firstKey = Files.readString(keyFile);
        app(database, null).close();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keyFile)).isEqualTo(firstKey);
    }

    @Test
    void start_withAnotherKeyThanTheDatabaseWasSetUpWith_refuses() {
        TestDatabase database = TestDatabase.create("sqlite");
        app(database, KEY_A).close();

        assertThatThrownBy(() -> app(database, KEY_B))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("BULWARK_SECRET_KEY does not match the key this "
                        + "database was set up with");
    }

    @Test
    void start_postgresWithoutKey_refusesNamingTheKey() {
        TestDatabase database = TestDatabase.create("postgresql");

        assertThatThrownBy(() -> app(database, null))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("BULWARK_SECRET_KEY is required with PostgreSQL");
    }

    @Test
    void start_keyOfWrongLength_refuses() {
        assertThatThrownBy(() -> app(TestDatabase.create("sqlite"), "c2hvcnQ="))
                .isInstanceOf(ConfigException.class)
                .hasMessage("BULWARK_SECRET_KEY must hold base64 of exactly 32 bytes");
    }

    @Test
    void isReachable_afterClose_isFalse() {
        Database database = Database.open(TestDatabase.create("postgresql").jdbcUrl(), 2);
        assertThat(database.isReachable()).isTrue();

        database.close();

        assertThat(database.isReachable()).isFalse();
    }

    private static App app(TestDatabase database, String key) {
        Map<String, String> env = new HashMap<>();
        env.put("BULWARK_DB_URL", database.jdbcUrl());
        env.put("BULWARK_DATA_DIR", database.dataDir().toString());
        if (key != null) {
            env.put("BULWARK_SECRET_KEY", key);
        }
        Config config = ConfigLoader.load(env, Map.of());
        return new App(config, Clock.systemUTC(), new SecureRandom(), new Passwords(1024, 1));
    }
}
