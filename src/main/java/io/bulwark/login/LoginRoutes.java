package io.bulwark.login;

import io.bulwark.crypto.Tokens;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.web.Pages;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Optional;

/**
 * Signing in and out of the portal: redeeming login links ({@code GET /sso/{token}}), the
 * e-mail and password form ({@code /login}) and {@code POST /logout}.
 *
 * <p>The sign-in form has no session to carry its anti-forgery token yet, so the token travels
 * twice: in a strict same-site cookie and in the form, and both must agree. That stops another
 * site from signing a browser into an account of the attacker's choosing.
 */
public final class LoginRoutes implements Routes {
    /** The session cookie's name. */
    public static final String COOKIE = "bulwark_session";
    static final String FORM_COOKIE = "bulwark_login";

    private final LoginLinks loginLinks;
    private final Sessions sessions;
    private final PasswordLogin passwordLogin;
    private final Pages pages;
    private final Tokens tokens;
    private final List<String> trustedProxies;
    private final boolean secureCookies;

    public LoginRoutes(LoginLinks loginLinks, Sessions sessions, PasswordLogin passwordLogin,
            Pages pages, Tokens tokens, List<String> trustedProxies, boolean secureCookies) {
        this.loginLinks = loginLinks;
        this.sessions = sessions;
        this.passwordLogin = passwordLogin;
        this.pages = pages;
        this.tokens = tokens;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.secureCookies = secureCookies;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/sso/{token}", this::redeem);
        app.get("/login", this::form);
        app.post("/login", this::signIn);
        app.post("/logout", this::signOut);
    }

    private void redeem(Context ctx) {
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cache-Control", "no-store");
        Optional<Long> userId = loginLinks.redeem(ctx.pathParam("token"));
        if (userId.isEmpty()) {
            pages.send(ctx, 410, "login/link-gone.jte");
            return;
        }
        startSession(ctx, userId.get());
    }

    private void form(Context ctx) {
        if (sessions.find(ctx.cookie(COOKIE)).isPresent()) {
            ctx.redirect("/portal", HttpStatus.SEE_OTHER);
            return;
        }
        Optional<String> notice = switch (String.valueOf(ctx.queryParam("reason"))) {
            case "signed-out" -> Optional.of("You have signed out.");
            case "expired" -> Optional.of("Your session has ended. Please sign in again.");
            default -> Optional.empty();
        };
        showForm(ctx, 200, "", Optional.empty(), notice);
    }

    private void signIn(Context ctx) {
        if (!Csrf.matches(ctx.cookie(FORM_COOKIE), ctx.formParam(Csrf.FIELD))) {
            showForm(ctx, 403, "", Optional.of("The sign-in form had expired. Please try again."),
                    Optional.empty());
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String clientIp = Requests.clientIp(ctx, trustedProxies);
        switch (passwordLogin.check(email, password, clientIp)) {
            case PasswordLogin.Accepted accepted -> startSession(ctx, accepted.userId());
            case PasswordLogin.Refused refused -> showForm(ctx, 422, email,
                    Optional.of("The email address or password is incorrect."), Optional.empty());
            case PasswordLogin.Throttled throttled -> {
                long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
                showForm(ctx, 429, email, Optional.of("Too many failed sign-in attempts. Try "
                        + "again in " + minutes + (minutes == 1 ? " minute" : " minutes")
                        + ", or use a login link from your hosting provider."), Optional.empty());
            }
        }
    }

    private void signOut(Context ctx) {
        String cookie = ctx.cookie(COOKIE);
        Optional<Sessions.Session> session = sessions.find(cookie);
        if (session.isPresent()) {
            if (!Csrf.matches(session.get().csrfToken(), ctx.formParam(Csrf.FIELD))) {
                throw new ForbiddenException(Csrf.REFUSAL);
            }
            sessions.close(cookie);
        }
        ctx.cookie(expired(sessionCookie("")));
        ctx.redirect("/login?reason=signed-out", HttpStatus.SEE_OTHER);
    }

    /** Replaces any session of this browser with a new one for {@code userId}. */
    private void startSession(Context ctx, long userId) {
        sessions.close(ctx.cookie(COOKIE));
        ctx.cookie(sessionCookie(sessions.open(userId)));
        ctx.redirect("/portal", HttpStatus.SEE_OTHER);
    }

    private void showForm(Context ctx, int status, String email, Optional<String> error,
            Optional<String> notice) {
        String token = Optional.ofNullable(ctx.cookie(FORM_COOKIE))
                .filter(value -> value.matches("[A-Za-z0-9_-]{32}"))
                .orElseGet(() -> tokens.urlSafe(24));
        Cookie cookie = new Cookie(FORM_COOKIE, token);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.STRICT);
        cookie.setPath("/login");
        ctx.cookie(cookie);
        pages.send(ctx, status, "login/login.jte", new LoginPage(token, email, error, notice));
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

    /** {@code cookie} set to be deleted by the browser at once. */
    public static Cookie expired(Cookie cookie) {
        cookie.setMaxAge(0);
        return cookie;
    }
}
