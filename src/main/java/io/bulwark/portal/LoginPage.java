package io.bulwark.portal;

import java.util.Objects;
import java.util.Optional;

/**
 * The sign-in form.
 *
 * @param csrfToken the form's anti-forgery token, also in the sign-in form's cookie
 * @param email the address to fill in again after a refusal
 * @param error why the last attempt failed
 * @param notice a neutral message, such as "you have signed out"
 */
public record LoginPage(String csrfToken, String email, Optional<String> error,
        Optional<String> notice) {
    public LoginPage {
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(notice, "notice");
    }
}
