package io.bulwark.web;

import java.util.Objects;
import java.util.Optional;

/**
 * What an HTML error page shows.
 *
 * @param status the HTTP status
 * @param heading the page's title and first heading
 * @param message the sentence a domain exception carried, shown as is
 * @param requestId present for unexpected failures, so the reader can quote it
 */
public record ErrorView(int status, String heading, String message, Optional<String> requestId) {
    public ErrorView {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** A page for {@code status} with the usual heading. */
    public static ErrorView of(int status, String message, Optional<String> requestId) {
        String heading = switch (status) {
            case 401 -> "Please sign in";
            case 403 -> "This request was refused";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 422 -> "Please check your input";
            case 429 -> "Too many requests";
            default -> status >= 500 ? "Something went wrong" : "Bad request";
        };
        return new ErrorView(status, heading, message, requestId);
    }
}
