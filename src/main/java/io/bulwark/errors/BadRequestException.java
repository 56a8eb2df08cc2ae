package io.bulwark.errors;

/**
 * The request itself is unusable (malformed JSON, too large, wrong content type): answered
 * with {@link #status()} (400, 413 or 415) and the message.
 */
public final class BadRequestException extends RuntimeException {
    private final int status;

    public BadRequestException(int status, String message) {
        super(message, null, false, false);
        if (status != 400 && status != 413 && status != 415) {
            throw new IllegalArgumentException("status must be 400, 413 or 415, got " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
