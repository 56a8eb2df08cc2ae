package io.bulwark.portal;

import io.bulwark.login.BrowserSessions;
import io.bulwark.web.Pages;
import io.bulwark.web.PathIds;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer portal: the sites list, one site in detail, and the account page. Every route
 * runs behind {@link PortalAccess}, and every query is scoped to the signed-in customer.
 */
public final class PortalRoutes implements Routes {
    private final PortalAccess access;
    private final BrowserSessions browserSessions;
    private final SitePages sitePages;
    private final PasswordChange passwordChange;
    private final Pages pages;
    private final List<String> trustedProxies;
    private final Clock clock;

    public PortalRoutes(PortalAccess access, BrowserSessions browserSessions,
            SitePages sitePages, PasswordChange passwordChange, Pages pages,
            List<String> trustedProxies, Clock clock) {
        this.access = access;
        this.browserSessions = browserSessions;
        this.sitePages = sitePages;
        this.passwordChange = passwordChange;
        this.pages = pages;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/portal", access.page(this::sites));
        app.get("/portal/sites/{siteid}", access.page(this::site));
        app.get("/portal/account", access.page(this::account));
        app.post("/portal/account/password", access.form(this::changePassword));
    }

    private void sites(Context ctx, Viewer viewer) {
        pages.send(ctx, 200, "portal/sites.jte", sitePages.sites(viewer));
    }

    private void site(Context ctx, Viewer viewer) {
        long siteId = PathIds.parse(ctx, "siteid", "site");
        pages.send(ctx, 200, "portal/site.jte", sitePages.site(viewer, siteId));
    }

    private void account(Context ctx, Viewer viewer) {
        Optional<String> notice = "password".equals(ctx.queryParam("changed"))
                ? Optional.of("Your password has been changed. Other sessions were signed out.")
                : Optional.empty();
        pages.send(ctx, 200, "portal/account.jte",
                new AccountPage(viewer, clock.instant(), notice, Optional.empty()));
    }

    private void changePassword(Context ctx, Viewer viewer) {
        PasswordChange.Form form = new PasswordChange.Form(field(ctx, "current_password"),
                field(ctx, "new_password"), field(ctx, "new_password_confirmation"));
        Optional<PasswordChange.Rejection> rejection = passwordChange.change(viewer, form,
                Requests.clientIp(ctx, trustedProxies), browserSessions.cookieValue(ctx));
        if (rejection.isEmpty()) {
            ctx.redirect("/portal/account?changed=password", HttpStatus.SEE_OTHER);
            return;
        }
        pages.send(ctx, rejection.get().status(), "portal/account.jte", new AccountPage(viewer,
                clock.instant(), Optional.empty(), Optional.of(rejection.get().message())));
    }

    private static String field(Context ctx, String name) {
        return Objects.requireNonNullElse(ctx.formParam(name), "");
    }
}
