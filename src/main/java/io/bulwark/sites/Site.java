package io.bulwark.sites;

import java.time.Instant;
import java.util.Objects;

/** A WordPress site of a user, with its plugin credential id. */
public record Site(
        long id,
        long providerId,
        long userId,
        String url,
        String normalizedUrl,
        Instant createdAt,
        long credentialId,
        String secretCiphertext) {
    public Site {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(normalizedUrl, "normalizedUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(secretCiphertext, "secretCiphertext");
    }
}
