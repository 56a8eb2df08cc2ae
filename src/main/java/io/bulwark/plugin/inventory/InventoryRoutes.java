package io.bulwark.plugin.inventory;

import io.bulwark.plugin.auth.PluginAuth;
import io.bulwark.plugin.auth.PluginCall;
import io.bulwark.web.Fields;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/sw/json}, the software inventory upload. */
public final class InventoryRoutes implements Routes {
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final InventoryUpload upload;
    private final RequestBody body;

    public InventoryRoutes(InventoryUpload upload, RequestBody body) {
        this.upload = upload;
        this.body = body;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/sw/json", this::software);
    }

    /**
     * Answered only after the list is committed: {@code success} makes the plugin remember the
     * list as sent. {@code vulnerable} is always an array (a string crashes the plugin's cron
     * run); the two counters go together or not at all.
     */
    private void software(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        Fields fields = body.read(ctx, MAX_BODY_BYTES);
        VulnerableSoftware verdict = upload.upload(call.siteId(), fields.value("software"));
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("success", true);
        reply.put("vulnerable", verdict.pluginFiles());
        verdict.counts().ifPresent(counts -> {
            reply.put("vulnerability_count", counts.vulnerabilities());
            reply.put("vulnerability_fix_count", counts.fixesAvailable());
        });
        ctx.json(reply);
    }
}
