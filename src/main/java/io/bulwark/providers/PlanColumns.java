package io.bulwark.providers;

import org.jdbi.v3.core.statement.Update;

/**
 * Binds a {@link Plan} to the named parameters {@code :class}, {@code :renew},
 * {@code :expires}, {@code :mr} and {@code :wl}, which the provider and user tables share.
 */
public final class PlanColumns {
    private PlanColumns() {
    }

    public static Update bind(Update update, Plan plan) {
        return update.bind("class", plan.planClass())
                .bind("renew", plan.renewFreq())
                .bind("expires", plan.expiresAt().orElse(null))
                .bind("mr", plan.addonMr())
                .bind("wl", plan.addonWl());
    }
}
