package io.bulwark.errors;

/** No such object; answered 404. The message is shown to the client. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message, null, false, false);
    }
}
