package io.bulwark.crypto;

import io.bulwark.config.ConfigException;
import io.bulwark.db.Transactions;
import java.util.Optional;

/**
 * A value encrypted with the configured key, stored once: a node started with another key
 * cannot decrypt it and refuses to start, instead of failing later on every site secret.
 */
public final class KeyCheck {
    private static final String NAME = "secret_key_check";
    private static final String PLAINTEXT = "bulwark-key-check";

    private KeyCheck() {
    }

    public static void verify(Transactions transactions, SecretBox box) {
        transactions.useTransaction(handle -> {
            Optional<String> stored = handle.createQuery("SELECT value FROM settings "
                            + "WHERE name = :name")
                    .bind("name", NAME)
                    .mapTo(String.class)
                    .findOne();
            if (stored.isEmpty()) {
                handle.createUpdate("INSERT INTO settings (name, value) VALUES (:name, :value)")
                        .bind("name", NAME)
                        .bind("value", box.encrypt(PLAINTEXT, 0))
                        .execute();
                return;
            }
            try {
                if (PLAINTEXT.equals(box.decrypt(stored.get(), 0))) {
                    return;
                }
            } catch (IllegalStateException ignored) {
                // Reported below with the one message that says what to do.
            }
            throw new ConfigException("BULWARK_SECRET_KEY does not match the key this database "
                    + "was set up with (key id " + box.keyId() + "); start with the original key");
        });
    }
}
