package io.bulwark.sites;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A WordPress site of a user, with its plugin credential and when its vulnerability states
 * were last decided (empty while unknown).
 */
public record Site(
        long id,
        long providerId,
        long userId,
        String url,
        String normalizedUrl,
        Instant createdAt,
        long credentialId,
        String secretCiphertext,
        Optional<Instant> vulnerabilitiesAsOf) {
    public Site {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(normalizedUrl, "normalizedUrl");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(secretCiphertext, "secretCiphertext");
        Objects.requireNonNull(vulnerabilitiesAsOf, "vulnerabilitiesAsOf");
    }
}
