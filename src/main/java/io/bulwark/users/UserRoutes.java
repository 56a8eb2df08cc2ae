package io.bulwark.users;

import io.bulwark.hosting.HostCall;
import io.bulwark.hosting.HostingApi;
import io.bulwark.login.LoginLinks;
import io.bulwark.web.PathIds;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/** The {@code /hosting/user} endpoints. */
public final class UserRoutes implements Routes {
    private final UserService users;
    private final LoginLinks loginLinks;
    private final RequestBody body;

    public UserRoutes(UserService users, LoginLinks loginLinks, RequestBody body) {
        this.users = users;
        this.loginLinks = loginLinks;
        this.body = body;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/hosting/user/add", this::add);
        app.post("/hosting/user/search", this::search);
        app.post("/hosting/user/{userid}/edit", this::edit);
        app.post("/hosting/user/{userid}/delete", this::delete);
        // The vendor's documentation misprints this path without its slash; scripts copy it.
        app.post("/hosting/user{userid}/delete", this::delete);
        app.post("/hosting/user/{userid}/sso", this::loginLink);
        app.get("/hosting/user/{userid}/view", this::view);
    }

    private void add(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        ctx.json(Map.of("id", users.add(HostingApi.call(ctx), fields)));
    }

    private void search(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        ctx.json(UserJson.user(users.search(HostingApi.call(ctx), fields)));
    }

    private void edit(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        users.edit(HostingApi.call(ctx), PathIds.parse(ctx, "userid", "user"), fields);
        ctx.json(Map.of("success", "The user has been updated."));
    }

    private void delete(Context ctx) {
        body.read(ctx, RequestBody.ONE_MIB);
        users.delete(HostingApi.call(ctx), PathIds.parse(ctx, "userid", "user"));
        ctx.json(Map.of("success", "The user and their sites have been deleted."));
    }

    private void loginLink(Context ctx) {
        body.read(ctx, RequestBody.ONE_MIB);
        HostCall call = HostingApi.call(ctx);
        long userId = PathIds.parse(ctx, "userid", "user");
        LoginLinks.Issued link = loginLinks.issue(call,
                handle -> users.owned(handle, call.providerId(), userId).id());
        ctx.json(UserJson.loginLink(link.url(), link.expiresAt()));
    }

    private void view(Context ctx) {
        ctx.json(UserJson.details(users.view(HostingApi.call(ctx),
                PathIds.parse(ctx, "userid", "user"))));
    }
}
