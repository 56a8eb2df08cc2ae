package io.bulwark.users;

import io.bulwark.providers.Plan;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A customer of a hosting provider: one portal account owning sites. */
public record User(
        long id,
        long providerId,
        String name,
        Optional<String> company,
        String email,
        Optional<String> phone,
        boolean newsletter,
        Plan plan,
        Instant createdAt) {
    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
