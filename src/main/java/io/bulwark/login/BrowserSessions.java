package io.bulwark.login;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Optional;

/**
 * A portal session as the browser holds it: the {@code bulwark_session} cookie with the house
 * flags (HttpOnly, SameSite=Lax, Secure when the public URL is https) over {@link Sessions}.
 */
public final class BrowserSessions {
    /** The session cookie's name. */
    public static final String COOKIE = "bulwark_session";

    private final Sessions sessions;
    private final boolean secureCookies;

    public BrowserSessions(Sessions sessions, boolean secureCookies) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
    }

    /**
     * Replaces any session of this browser with a new one for {@code userId} (so a session id
     * planted before sign-in is worthless after it) and sends the browser to the portal.
     */
    public void start(Context ctx, long userId) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(cookie(sessions.open(userId)));
        ctx.redirect("/portal", HttpStatus.SEE_OTHER);
    }

    /** The live session whose cookie the browser sent, if any. */
    public Optional<Sessions.Session> current(Context ctx) {
        return sessions.find(ctx.cookie(COOKIE));
    }

    /** Whether the browser sent a session cookie at all, live or not. */
    public boolean hasCookie(Context ctx) {
        String value = ctx.cookie(COOKIE);
        return value != null && !value.isEmpty();
    }

    /** The raw cookie value, for the calls that need the session's identity. */
    public String cookieValue(Context ctx) {
        return ctx.cookie(COOKIE);
    }

    /** Ends the browser's session, if any, and tells the browser to forget the cookie. */
    public void end(Context ctx) {
        sessions.close(ctx.cookie(COOKIE));
        forget(ctx);
    }

    /** Tells the browser to drop its session cookie. */
    public void forget(Context ctx) {
        Cookie cookie = cookie("");
        cookie.setMaxAge(0);
        ctx.cookie(cookie);
    }

    private Cookie cookie(String value) {
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath("/");
        return cookie;
    }
}
