package io.bulwark.providers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A hosting provider: the tenant that owns users and sites through its host token. */
public record Provider(
        long id,
        String name,
        Instant createdAt,
        Optional<Instant> revokedAt,
        Plan defaults) {
    public Provider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(defaults, "defaults");
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
