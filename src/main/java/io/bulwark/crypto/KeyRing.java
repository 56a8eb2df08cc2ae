package io.bulwark.crypto;

import io.bulwark.config.Config;
import io.bulwark.config.ConfigException;
import io.bulwark.db.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the key that encrypts site secrets: {@code BULWARK_SECRET_KEY}, or on the embedded
 * SQLite default a key file generated in the data folder on first start.
 */
public final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    private static final String KEY_FILE = "secret.key";

    private KeyRing() {
    }

    /** The 32 key bytes for {@code config}, generating the key file where allowed. */
    public static byte[] load(Config config, SecureRandom random) {
        Optional<String> configured = config.secretKey();
        if (configured.isPresent()) {
            return decode(configured.get(), "BULWARK_SECRET_KEY");
        }
        if (!config.isSqlite()) {
            throw new ConfigException("BULWARK_SECRET_KEY is required with PostgreSQL (base64 "
                    + "of 32 random bytes, the same on every node); create one with "
                    + "'openssl rand -base64 32'");
        }
        Path file = config.dataDir().resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            PrivateFiles.createFolder(config.dataDir());
            byte[] key = new byte[32];
            random.nextBytes(key);
            PrivateFiles.createFile(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
            LOG.warn("No BULWARK_SECRET_KEY set: generated a new encryption key in {}. Back it "
                    + "up: losing it means re-provisioning every site.",
                    file.toAbsolutePath().normalize());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.trim());
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException ignored) {
            // Fall through to the one message that names the rule.
        }
        throw new ConfigException(source + " must hold base64 of exactly 32 bytes");
    }
}
