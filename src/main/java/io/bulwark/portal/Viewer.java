package io.bulwark.portal;

import io.bulwark.users.User;
import java.util.Objects;

/**
 * The signed-in customer as every portal page shows them.
 *
 * @param user the customer, whose data alone the page may show
 * @param providerName the hosting provider that manages the account ("managed by")
 * @param csrfToken the session's anti-forgery token, written into every form
 */
public record Viewer(User user, String providerName, String csrfToken) {
    public Viewer {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(csrfToken, "csrfToken");
    }

    public long userId() {
        return user.id();
    }

    public String name() {
        return user.name();
    }

    public String email() {
        return user.email();
    }
}
