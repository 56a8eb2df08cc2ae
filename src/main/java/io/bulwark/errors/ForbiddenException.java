package io.bulwark.errors;

/** The object exists but belongs to someone else: answered 403, message shown to the client. */
public final class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message, null, false, false);
    }
}
