package io.bulwark.login;

import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * Redeeming login links: {@code GET /sso/{token}} burns the token, opens a session and sends
 * the browser on to the portal. The signed-in page here is deliberately minimal; the portal
 * feature serves the real pages under {@code /portal}.
 */
public final class LoginRoutes implements Routes {
    /** The session cookie's name. */
    public static final String COOKIE = "bulwark_session";

    private final LoginLinks loginLinks;
    private final Sessions sessions;
    private final boolean secureCookies;

    public LoginRoutes(LoginLinks loginLinks, Sessions sessions, boolean secureCookies) {
        this.loginLinks = loginLinks;
        this.sessions = sessions;
        this.secureCookies = secureCookies;
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
            ctx.status(410).contentType("text/html; charset=utf-8").result(LINK_GONE);
            return;
        }
        ctx.cookie(sessionCookie(sessions.open(userId.get())));
        ctx.redirect("/portal", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    /** The session cookie with the house flags: HttpOnly, SameSite=Lax, Secure on https. */
    public Cookie sessionCookie(String value) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath("/");
        return cookie;
    }

    private static final String LINK_GONE = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Login link no longer valid - Bulwark</title>
            </head>
            <body>
            <main>
            <h1>This login link is no longer valid</h1>
            <p>Login links work once and expire after 24 hours. Ask your hosting provider for a
            new link, or <a href="/login">sign in with your email and password</a>.</p>
            </main>
            </body>
            </html>
            """;
}
