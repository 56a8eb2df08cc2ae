package io.bulwark.portal;

import io.bulwark.db.Transactions;
import io.bulwark.login.LoginRoutes;
import io.bulwark.login.Sessions;
import io.bulwark.users.User;
import io.bulwark.users.UserRepository;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Optional;

/** The customer's portal; for now the signed-in landing page. */
public final class PortalRoutes implements Routes {
    private final Sessions sessions;
    private final UserRepository users;
    private final Transactions transactions;

    public PortalRoutes(Sessions sessions, UserRepository users, Transactions transactions) {
        this.sessions = sessions;
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/portal", this::home);
    }

    private void home(Context ctx) {
        Optional<User> user = sessions.find(ctx.cookie(LoginRoutes.COOKIE))
                .flatMap(session -> transactions.read(handle -> users.find(handle,
                        session.userId())));
        ctx.header("Cache-Control", "no-store");
        if (user.isEmpty()) {
            ctx.status(401).contentType("text/html; charset=utf-8")
                    .result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                            + "<title>Signed out - Bulwark</title></head><body><main>"
                            + "<h1>You are not signed in</h1></main></body></html>");
            return;
        }
        ctx.contentType("text/html; charset=utf-8")
                .result("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>Your sites - Bulwark</title></head><body><main>"
                        + "<h1>Signed in</h1><p>Welcome, " + escape(user.get().name())
                        + ".</p></main></body></html>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
