package io.bulwark.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM encryption of short secrets (site plugin secrets) bound to an owner id.
 *
 * <p>Stored form: {@code v1.<keyId>.<base64url(nonce || ciphertext+tag)>}. The version and key
 * id let a later key rotation decrypt old rows; the owner id is associated data, so a
 * ciphertext copied onto another row does not decrypt.
 */
public final class SecretBox {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final String keyId;
    private final SecureRandom random;

    public SecretBox(byte[] keyBytes, SecureRandom random) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("The secret key must be 32 bytes, got "
                    + keyBytes.length);
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.keyId = Tokens.sha256Hex(keyBytes).substring(0, 8);
        this.random = random;
    }

    /** Short fingerprint of the key, safe to store and log. */
    public String keyId() {
        return keyId;
    }

    public String encrypt(String plaintext, long ownerId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, ownerId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array();
            return "v1." + keyId + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    /**
     * Decrypts a value written by {@link #encrypt}.
     *
     * @throws IllegalStateException when the value was written with another key or was altered
     */
    public String decrypt(String stored, long ownerId) {
        String[] parts = stored.split("\\.", 3);
        if (parts.length != 3 || !"v1".equals(parts[0]) || !keyId.equals(parts[1])) {
            throw new IllegalStateException("Encrypted value of owner " + ownerId
                    + " was written with another key or format");
        }
        byte[] raw = Base64.getUrlDecoder().decode(parts[2]);
        byte[] nonce = java.util.Arrays.copyOf(raw, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, ownerId);
            byte[] plain = cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypted value of owner " + ownerId
                    + " does not decrypt with the configured key", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, long ownerId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Long.toString(ownerId).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
