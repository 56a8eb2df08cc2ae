package io.bulwark.errors;

/** Missing, unknown or revoked credentials; answered 401. The message is shown to the client. */
public final class UnauthorizedException extends RuntimeException {
    public UnauthorizedException(String message) {
        super(message, null, false, false);
    }
}
