package io.bulwark.login;

import io.bulwark.web.Pages;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Redeeming login links: {@code GET /sso/{token}} burns the token, opens a session and sends
 * the browser on to the portal. A used, expired or unknown link gets one page with status 410.
 */
public final class LoginRoutes implements Routes {
    private final LoginLinks loginLinks;
    private final BrowserSessions browserSessions;
    private final Pages pages;

    public LoginRoutes(LoginLinks loginLinks, BrowserSessions browserSessions, Pages pages) {
        this.loginLinks = loginLinks;
        this.browserSessions = browserSessions;
        this.pages = pages;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/sso/{token}", this::redeem);
    }

    private void redeem(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        Optional<Long> userId = loginLinks.redeem(ctx.pathParam("token"));
        if (userId.isEmpty()) {
            pages.send(ctx, 410, "login/link-gone.jte");
            return;
        }
        browserSessions.start(ctx, userId.get());
    }
}
