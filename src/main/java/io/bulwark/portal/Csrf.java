package io.bulwark.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparison of anti-forgery tokens, in constant time so timing reveals no prefix. */
final class Csrf {
    /** The form field that carries the token on every form. */
    static final String FIELD = "csrf";
    /** Why a form without the right token was refused. */
    static final String REFUSAL = "This form has expired or was not sent from this portal. "
            + "Go back, reload the page and try again.";

    private Csrf() {
    }

    /** Whether {@code given} (possibly null) equals the non-empty {@code expected}. */
    static boolean matches(String expected, String given) {
        if (expected == null || expected.isEmpty() || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }
}
