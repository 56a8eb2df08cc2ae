package io.bulwark.providers;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's plan: a provider's defaults, copied onto each new user.
 *
 * @param planClass {@code free} or {@code premium}
 * @param renewFreq {@code monthly} or {@code annually}
 * @param expiresAt end of the plan, or empty for no expiry
 * @param addonMr the monthly-report add-on
 * @param addonWl the white-label add-on
 */
public record Plan(
        String planClass,
        String renewFreq,
        Optional<Instant> expiresAt,
        boolean addonMr,
        boolean addonWl) {
    /** The defaults of a new provider: premium, so the plugin runs its firewall. */
    public static final Plan DEFAULT = new Plan("premium", "monthly", Optional.empty(), false,
            false);

    public Plan {
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!"free".equals(planClass) && !"premium".equals(planClass)) {
            throw new IllegalArgumentException("class must be free or premium, got "
                    + planClass);
        }
        if (!"monthly".equals(renewFreq) && !"annually".equals(renewFreq)) {
            throw new IllegalArgumentException("renew_freq must be monthly or annually, got "
                    + renewFreq);
        }
    }

    /** Whether the plan counts as free at {@code now}: its class, or an expiry in the past. */
    public boolean isFreeAt(Instant now) {
        return "free".equals(planClass) || expiresAt.map(now::isAfter).orElse(false);
    }
}
