package io.bulwark.errors;

/**
 * The request clashes with the current state, for example a job another node is running:
 * answered 409, message shown to the client.
 */
public final class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
