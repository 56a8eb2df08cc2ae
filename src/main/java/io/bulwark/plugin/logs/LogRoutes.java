package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.plugin.auth.PluginAuth;
import io.bulwark.plugin.auth.PluginCall;
import io.bulwark.web.HttpServer;
import io.bulwark.web.RequestBody;
import io.bulwark.db.Transactions;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/logs/log} and {@code POST /api/activity/log}.
 *
 * <p>The plugin deletes a batch locally on any reply without an {@code errors} key, HTTP errors
 * included, and keeps it for the next run when the key is there. So a batch Bulwark could not
 * store, with nothing committed, is answered 200 with {@code errors}; an unusable batch is a
 * 4xx, which makes the plugin drop it (resending would never succeed).
 */
public final class LogRoutes implements Routes {
    private static final Logger LOG = LoggerFactory.getLogger(LogRoutes.class);
    private static final int MAX_BODY_BYTES = (int) HttpServer.MAX_BODY_BYTES;
    private static final String TEMPORARY = "temporarily unable to store logs";

    private final LogStore store;
    private final LogBatch batch;
    private final RequestBody body;

    public LogRoutes(LogStore store, ObjectMapper json, RequestBody body) {
        this.store = store;
        this.batch = new LogBatch(json);
        this.body = body;
    }

    @Override
    public void addTo(Javalin app) {
        app.post("/api/logs/log", ctx -> upload(ctx, store::storeFirewall));
        app.post("/api/activity/log", ctx -> upload(ctx, store::storeActivity));
    }

    private void upload(Context ctx, BiConsumer<Long, List<JsonNode>> storage) {
        Optional<PluginCall> checked = PluginAuth.uploadCall(ctx);
        if (checked.isEmpty()) {
            retry(ctx, TEMPORARY);
            return;
        }
        PluginCall call = checked.get();
        List<JsonNode> records = batch.records(body.read(ctx, MAX_BODY_BYTES).value("logs"));
        if (!call.licenseMatches()) {
            // A re-activation can briefly send a new LicenseID with a still-valid old token:
            // keep the batch on the site until the pair agrees.
            retry(ctx, PluginAuth.LICENSE_MISMATCH);
            return;
        }
        try {
            storage.accept(call.siteId(), records);
        } catch (JdbiException e) {
            if (!Transactions.isTemporary(e)) {
                // A lasting failure answered "later" would jam the site's queue for good.
                throw e;
            }
            LOG.warn("Could not store a log batch of site {} in request {}; the plugin will "
                    + "resend it", call.siteId(), Requests.requestId(ctx), e);
            retry(ctx, TEMPORARY);
            return;
        }
        ctx.json(Map.of("success", true));
    }

    private static void retry(Context ctx, String reason) {
        ctx.json(Map.of("errors", List.of(reason)));
    }
}
