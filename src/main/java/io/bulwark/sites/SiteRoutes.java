package io.bulwark.sites;

import io.bulwark.db.Transactions;
import io.bulwark.hosting.HostCall;
import io.bulwark.hosting.HostingApi;
import io.bulwark.pluginzip.PluginTemplate;
import io.bulwark.pluginzip.PluginZips;
import io.bulwark.users.UserService;
import io.bulwark.web.PathIds;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/** The {@code /hosting/site} endpoints. */
public final class SiteRoutes implements Routes {
    private final SiteService sites;
    private final UserService users;
    private final PluginZips pluginZips;
    private final Transactions transactions;
    private final RequestBody body;
    private final Clock clock;

    public SiteRoutes(SiteService sites, UserService users, PluginZips pluginZips,
            Transactions transactions, RequestBody body, Clock clock) {
        this.sites = sites;
        this.users = users;
        this.pluginZips = pluginZips;
        this.transactions = transactions;
        this.body = body;
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/hosting/site/add", this::add);
        app.post("/hosting/site/search", this::search);
        app.post("/hosting/site/{siteid}/edit", this::edit);
        app.post("/hosting/site/{siteid}/delete", this::delete);
        app.get("/hosting/site/{siteid}/download", this::download);
        app.get("/hosting/site/{siteid}/view", this::view);
    }

    private void add(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        switch (sites.add(HostingApi.call(ctx), fields)) {
            case SiteService.Added.Created created -> ctx.json(SiteJson.created(created));
            case SiteService.Added.Duplicate duplicate -> ctx.json(SiteJson.duplicate(duplicate));
        }
    }

    private void search(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        ctx.json(SiteJson.found(sites.search(HostingApi.call(ctx), fields)));
    }

    private void edit(Context ctx) {
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        sites.edit(HostingApi.call(ctx), PathIds.parse(ctx, "siteid", "site"), fields);
        ctx.json(Map.of("success", "The site has been updated."));
    }

    private void delete(Context ctx) {
        body.read(ctx, RequestBody.ONE_MIB);
        sites.delete(HostingApi.call(ctx), PathIds.parse(ctx, "siteid", "site"));
        ctx.json(Map.of("success", "The site has been deleted."));
    }

    private void view(Context ctx) {
        HostCall call = HostingApi.call(ctx);
        long siteId = PathIds.parse(ctx, "siteid", "site");
        call.target("site", siteId);
        ctx.json(transactions.read(handle -> {
            Site site = sites.owned(handle, call.providerId(), siteId);
            UserService.Summary owner = users.summary(handle,
                    users.owned(handle, call.providerId(), site.userId()));
            return SiteJson.view(SiteView.report(handle, site, owner, clock.instant()),
                    sites.credentials(site));
        }));
    }

    private void download(Context ctx) throws IOException {
        HostCall call = HostingApi.call(ctx);
        long siteId = PathIds.parse(ctx, "siteid", "site");
        call.target("site", siteId);
        Site site = transactions.read(handle -> sites.owned(handle, call.providerId(), siteId));
        SiteService.Credentials api = sites.credentials(site);
        PluginTemplate template = pluginZips.active();
        // A zip has no charset; set the header itself so the servlet layer adds none.
        ctx.res().setCharacterEncoding(null);
        ctx.header("Content-Type", "application/zip")
                .header("Content-Disposition", "attachment; filename=\"patchstack.zip\"");
        pluginZips.write(template, ctx.outputStream(), api.id(), api.secret());
    }
}
