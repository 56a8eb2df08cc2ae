package io.bulwark.errors;

/**
 * The plugin credentials belonged to a removed site: answered 401 with {@code "cancel": true},
 * which makes the Patchstack plugin erase its keys instead of retrying for ever.
 */
public final class CredentialsRevokedException extends RuntimeException {
    public CredentialsRevokedException(String message) {
        super(message, null, false, false);
    }
}
