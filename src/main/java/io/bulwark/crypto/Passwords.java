package io.bulwark.crypto;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/** Argon2id hashing of portal passwords (slow on purpose; never used for tokens). */
public final class Passwords {
    private final Argon2Function argon2;

    /** Parameters follow OWASP's Argon2id minimum: 19 MiB, 2 iterations, 1 lane. */
    public Passwords() {
        this(19 * 1024, 2);
    }

    /** Cheaper parameters, for tests that hash many passwords. */
    public Passwords(int memoryKib, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
    }

    /** The PHC string ({@code $argon2id$v=19$...}) to store. */
    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String storedHash) {
        return Password.check(password, storedHash).with(argon2);
    }
}
