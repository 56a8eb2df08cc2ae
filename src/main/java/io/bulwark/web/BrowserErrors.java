package io.bulwark.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;

/**
 * HTML error pages for the routes that people open in a browser (the portal and its sign-in
 * pages); every other route keeps the JSON error body that API clients parse.
 */
public final class BrowserErrors {
    private final Pages pages;
    private final List<String> pathPrefixes;

    /** {@code pathPrefixes} are path segments such as {@code /portal}; each covers its subtree. */
    public BrowserErrors(Pages pages, List<String> pathPrefixes) {
        this.pages = pages;
        this.pathPrefixes = List.copyOf(pathPrefixes);
    }

    /** Whether {@code ctx} is a browser route, so its errors are pages rather than JSON. */
    public boolean appliesTo(Context ctx) {
        String path = ctx.path();
        return pathPrefixes.stream()
                .anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** Sends the error page; {@code requestId} only for unexpected failures. */
    public void send(Context ctx, int status, String message, Optional<String> requestId) {
        pages.send(ctx, status, "web/error.jte", ErrorView.of(status, message, requestId));
    }
}
