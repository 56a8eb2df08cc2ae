package io.bulwark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;

/** A feature's HTTP routes; each feature package has one, added by the composition root. */
public interface Routes {
    void addTo(Javalin app);

    /**
     * The path to write in logs: the matched route pattern (so {@code /sso/{token}} never shows
     * the token), or, when no route matched, only the first segment of the raw path: a mangled
     * login link ({@code /sso/<token>/x}) must not put a live token in the log either.
     */
    static String loggedPath(Context ctx) {
        String pattern;
        try {
            pattern = ctx.endpointHandlerPath();
        } catch (IllegalStateException ignored) {
            // No endpoint matched (a 404 or a before-handler failure).
            pattern = null;
        }
        if (pattern != null && pattern.startsWith("/")) {
            return pattern;
        }
        String path = ctx.path();
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second) + "/...";
        return first.length() > 40 ? first.substring(0, 40) + "..." : first;
    }
}
