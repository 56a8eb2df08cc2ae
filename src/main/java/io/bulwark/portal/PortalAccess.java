package io.bulwark.portal;

import io.bulwark.db.Transactions;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.login.BrowserSessions;
import io.bulwark.providers.Provider;
import io.bulwark.providers.ProviderRepository;
import io.bulwark.users.User;
import io.bulwark.users.UserRepository;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The gate in front of every portal handler: resolves the session cookie to its customer, or
 * sends the browser to the sign-in form; form posts must also carry the session's token.
 */
public final class PortalAccess {
    private final BrowserSessions browserSessions;
    private final UserRepository users;
    private final ProviderRepository providers;
    private final Transactions transactions;

    public PortalAccess(BrowserSessions browserSessions, UserRepository users,
            ProviderRepository providers, Transactions transactions) {
        this.browserSessions = browserSessions;
        this.users = users;
        this.providers = providers;
        this.transactions = transactions;
    }

    /** A portal handler, called only for a signed-in customer. */
    @FunctionalInterface
    interface PortalHandler {
        void handle(Context ctx, Viewer viewer);
    }

    /** {@code handler} behind the sign-in check. */
    Handler page(PortalHandler handler) {
        return ctx -> viewer(ctx).ifPresent(viewer -> handler.handle(ctx, viewer));
    }

    /** {@code handler} behind the sign-in check and the form's anti-forgery check. */
    Handler form(PortalHandler handler) {
        return ctx -> viewer(ctx).ifPresent(viewer -> {
            if (!Csrf.matches(viewer.csrfToken(), ctx.formParam(Csrf.FIELD))) {
                throw new ForbiddenException(Csrf.REFUSAL);
            }
            handler.handle(ctx, viewer);
        });
    }

    /** The signed-in customer, or empty after redirecting the browser to sign in. */
    private Optional<Viewer> viewer(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Optional<Viewer> viewer = browserSessions.current(ctx).flatMap(session -> transactions.read(
                handle -> users.find(handle, session.userId()).map(user -> new Viewer(user,
                        providerName(handle, user), session.csrfToken()))));
        if (viewer.isEmpty()) {
            boolean hadSession = browserSessions.hasCookie(ctx);
            if (hadSession) {
                browserSessions.forget(ctx);
            }
            ctx.redirect(hadSession ? "/login?reason=expired" : "/login", HttpStatus.SEE_OTHER);
        }
        return viewer;
    }

    private String providerName(Handle handle, User user) {
        return providers.find(handle, user.providerId()).map(Provider::name).orElse("");
    }
}
