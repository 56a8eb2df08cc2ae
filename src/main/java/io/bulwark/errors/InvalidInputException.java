package io.bulwark.errors;

/** A field broke a validation rule: answered 422, message shown to the client as is. */
public final class InvalidInputException extends RuntimeException {
    public InvalidInputException(String message) {
        super(message, null, false, false);
    }
}
