package io.bulwark.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final byte[] key = new byte[32];
    private final SecretBox box = new SecretBox(key, new SecureRandom());

    @Test
    void decrypt_ofEncrypted_givesThePlaintextBack() {
        String stored = box.encrypt("Qm9vZ3VzU2VjcmV0VmFsdWUxMjM0NTY3ODkwYWJj", 100001);

        assertThat(stored).startsWith("v1." + box.keyId() + ".").doesNotContain("Qm9vZ3Vz");
        assertThat(box.decrypt(stored, 100001))
                .isEqualTo("Qm9vZ3VzU2VjcmV0VmFsdWUxMjM0NTY3ODkwYWJj");
    }

    @Test
    void encrypt_samePlaintextTwice_usesFreshNonces() {
        assertThat(box.encrypt("secret", 1)).isNotEqualTo(box.encrypt("secret", 1));
    }

    @Test
    void decrypt_withAnotherOwnerId_fails() {
        String stored = box.encrypt("secret", 100001);

        assertThatThrownBy(() -> box.decrypt(stored, 100002))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Encrypted value of owner 100002 does not decrypt with the "
                        + "configured key");
    }

    @Test
    void decrypt_withAnotherKey_failsNamingTheFormat() {
        byte[] otherKey = Arrays.copyOf(key, 32);
        otherKey[0] = 1;
        String stored = new SecretBox(otherKey, new SecureRandom()).encrypt("secret", 7);

        assertThatThrownBy(() -> box.decrypt(stored, 7))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Encrypted value of owner 7 was written with another key or format");
    }

    @Test
    void constructor_shortKey_isRefused() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The secret key must be 32 bytes, got 16");
    }
}
