package io.bulwark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;

/** A feature's HTTP routes; each feature package has one, added by the composition root. */
public interface Routes {
    void addTo(Javalin app);

    /**
     * The path to write in logs: the matched route pattern (so {@code /sso/{token}} never shows
     * the token), or the raw path cut short when no route matched.
     */
    static String loggedPath(Context ctx) {
        String pattern;
        try {
            pattern = ctx.endpointHandlerPath();
        } catch (IllegalStateException ignored) {
            // No endpoint matched (a 404 or a before-handler failure): use the raw path.
            pattern = null;
        }
        if (pattern != null && pattern.startsWith("/")) {
            return pattern;
        }
        String path = ctx.path();
        return path.length() > 200 ? path.substring(0, 200) + "..." : path;
    }
}
