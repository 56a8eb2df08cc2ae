package io.bulwark.portal;

import io.bulwark.providers.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account page: who the customer is, their plan, and the password form.
 *
 * @param viewer the signed-in customer
 * @param now the time of the request, to tell an expired plan
 * @param notice a confirmation to show, such as a changed password
 * @param error why the last password change was refused
 */
public record AccountPage(Viewer viewer, Instant now, Optional<String> notice,
        Optional<String> error) {
    public AccountPage {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(error, "error");
    }

    /** {@code Premium}, {@code Free}, or {@code Free (premium expired)}. */
    public String planName() {
        Plan plan = viewer.user().plan();
        if ("premium".equals(plan.planClass())) {
            return plan.isFreeAt(now) ? "Free (premium expired)" : "Premium";
        }
        return "Free";
    }

    public String renewal() {
        return "annually".equals(viewer.user().plan().renewFreq()) ? "Annually" : "Monthly";
    }

    public String expiry() {
        return viewer.user().plan().expiresAt().map(TimeText::minute).orElse("No expiry date");
    }

    public String addOns() {
        List<String> names = new ArrayList<>();
        if (viewer.user().plan().addonMr()) {
            names.add("Monthly report");
        }
        if (viewer.user().plan().addonWl()) {
            names.add("White label");
        }
        return names.isEmpty() ? "None" : String.join(", ", names);
    }
}
