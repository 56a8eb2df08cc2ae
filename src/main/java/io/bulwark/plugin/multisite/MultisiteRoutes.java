package io.bulwark.plugin.multisite;

import io.bulwark.errors.InvalidInputException;
import io.bulwark.plugin.auth.PluginAuth;
import io.bulwark.plugin.auth.PluginCall;
import io.bulwark.sites.SiteService;
import io.bulwark.web.Html;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /api/multisite-keys}: credentials for a network's sub-sites. */
public final class MultisiteRoutes implements Routes {
    private final MultisiteKeys keys;
    private final RequestBody body;
    private final List<String> trustedProxies;

    public MultisiteRoutes(MultisiteKeys keys, RequestBody body, List<String> trustedProxies) {
        this.keys = keys;
        this.body = body;
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/multisite-keys", this::multisiteKeys);
    }

    /**
     * A refusal is a 200 with {@code error}: the plugin ignores any other status silently, and
     * prints {@code error} into the network admin page unescaped, hence the escaping here.
     */
    private void multisiteKeys(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        var fields = body.read(ctx, RequestBody.ONE_MIB);
        MultisiteKeys.Caller caller = new MultisiteKeys.Caller(call.siteId(),
                Requests.clientIp(ctx, trustedProxies), Requests.requestId(ctx));
        Map<String, SiteService.Credentials> credentials;
        try {
            credentials = keys.keys(caller, fields.indexedValues("sites"));
        } catch (InvalidInputException e) {
            ctx.json(Map.of("error", Html.escape(e.getMessage())));
            return;
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        credentials.forEach((url, api) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("id", api.id());
            pair.put("secret", api.secret());
            reply.put(url, pair);
        });
        ctx.json(reply);
    }
}
