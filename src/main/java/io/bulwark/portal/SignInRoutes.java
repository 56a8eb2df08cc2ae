package io.bulwark.portal;

import io.bulwark.crypto.Tokens;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.login.BrowserSessions;
import io.bulwark.login.Sessions;
import io.bulwark.web.Pages;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Signing in with e-mail and password ({@code /login}) and signing out ({@code POST /logout}).
 * Login links are redeemed by the login feature; both ways end in the same kind of session.
 *
 * <p>The sign-in form has no session to carry its anti-forgery token yet, so the token travels
 * twice: in a strict same-site cookie and in the form, and both must agree. That stops another
 * site from signing a browser into an account of the attacker's choosing.
 */
public final class SignInRoutes implements Routes {
    static final String FORM_COOKIE = "bulwark_login";

    private final PasswordLogin passwordLogin;
    private final BrowserSessions browserSessions;
    private final Pages pages;
    private final Tokens tokens;
    private final List<String> trustedProxies;
    private final boolean secureCookies;

    public SignInRoutes(PasswordLogin passwordLogin, BrowserSessions browserSessions, Pages pages,
            Tokens tokens, List<String> trustedProxies, boolean secureCookies) {
        this.passwordLogin = passwordLogin;
        this.browserSessions = browserSessions;
        this.pages = pages;
        this.tokens = tokens;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.secureCookies = secureCookies;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/login", this::form);
        app.post("/login", this::signIn);
        app.post("/logout", this::signOut);
    }

    private void form(Context ctx) {
        if (browserSessions.current(ctx).isPresent()) {
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
        String email = Objects.requireNonNullElse(ctx.formParam("email"), "").strip();
        String password = Objects.requireNonNullElse(ctx.formParam("password"), "");
        String clientIp = Requests.clientIp(ctx, trustedProxies);
        switch (passwordLogin.check(email, password, clientIp)) {
            case PasswordLogin.Accepted accepted -> browserSessions.start(ctx, accepted.userId());
            case PasswordLogin.Refused refused -> showForm(ctx, 422, email,
                    Optional.of("The email address or password is incorrect."), Optional.empty());
            case PasswordLogin.Throttled throttled -> {
                long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
                ctx.header("Retry-After", String.valueOf(throttled.retryAfter().toSeconds()));
                showForm(ctx, 429, email, Optional.of("Too many failed sign-in attempts. Try "
                        + "again in " + TimeText.plural(minutes, "minute")
                        + ", or use a login link from your hosting provider."), Optional.empty());
            }
        }
    }

    private void signOut(Context ctx) {
        Optional<Sessions.Session> session = browserSessions.current(ctx);
        if (session.isPresent()
                && !Csrf.matches(session.get().csrfToken(), ctx.formParam(Csrf.FIELD))) {
            throw new ForbiddenException(Csrf.REFUSAL);
        }
        browserSessions.end(ctx);
        ctx.redirect("/login?reason=signed-out", HttpStatus.SEE_OTHER);
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
        pages.send(ctx, status, "portal/login.jte", new LoginPage(token, email, error, notice));
    }
}
