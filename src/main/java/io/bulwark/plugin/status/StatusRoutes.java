package io.bulwark.plugin.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bulwark.db.Transactions;
import io.bulwark.plugin.auth.PluginAuth;
import io.bulwark.plugin.auth.PluginCall;
import io.bulwark.providers.ProviderRepository;
import io.bulwark.sites.SiteRepository;
import io.bulwark.users.UserRepository;
import io.bulwark.web.Fields;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's small calls: the activation probe, licence check, heartbeat, firewall state,
 * URL report, rules, and the two unauthenticated calls that Bulwark answers without acting.
 * Their replies follow plugin protocol 17.4 to 17.10; the plugin ignores most of them, but
 * treats anything but HTTP 200 as a failure.
 */
public final class StatusRoutes implements Routes {
    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_SETTINGS = 100;

    private final Transactions transactions;
    private final Licence licence;
    private final SiteStatus status;
    private final RequestBody body;
    private final ObjectMapper json;
    private final Clock clock;

    public StatusRoutes(Transactions transactions, SiteRepository sites, UserRepository users,
            ProviderRepository providers, RequestBody body, ObjectMapper json, Clock clock) {
        this.transactions = transactions;
        this.licence = new Licence(sites, users, providers);
        this.status = new SiteStatus();
        this.body = body;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/", ctx -> ctx.json(Map.of()));
        app.get("/api/license/verify", this::licence);
        app.post("/api/ping", this::ping);
        app.post("/api/firewall/update/status", this::firewallStatus);
        app.post("/api/plugin/update/url", this::pluginUrl);
        app.post("/api/get-rules/3", this::firewallRules);
        app.post("/api/get-rules/2", this::firewallRules);
        app.post("/api/rules", this::htaccessRules);
        app.post("/api/rules/htaccess", this::htaccessHash);
        // Answered without reading the body: it carries a one-time secret, and Bulwark makes
        // no callbacks to sites (protocol 17.9).
        app.post("/api/header", ctx -> ctx.json(Map.of()));
        app.post("/api/secret", ctx -> ctx.json(Map.of("activated", false)));
    }

    private void licence(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        ctx.json(transactions.read(handle -> licence.reply(handle, call.siteId(), now())));
    }

    private void ping(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        Optional<Boolean> firewall = body.read(ctx, RequestBody.ONE_MIB)
                .optionalBoolean("firewall");
        Instant now = now();
        transactions.useTransaction(handle -> {
            status.ping(handle, call.siteId(), now);
            firewall.ifPresent(enabled -> status.firewall(handle, call.siteId(), enabled, now));
        });
        success(ctx);
    }

    /** Status 0 is what the plugin's deactivation hook sends. */
    private void firewallStatus(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        boolean enabled = body.read(ctx, RequestBody.ONE_MIB).requiredBoolean("status");
        Instant now = now();
        transactions.useTransaction(handle -> status.firewall(handle, call.siteId(), enabled,
                now));
        success(ctx);
    }

    /** Recorded for the portal; it never changes the site URL of the Hosting API. */
    private void pluginUrl(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        String url = body.read(ctx, RequestBody.ONE_MIB).requiredText("plugin_url",
                MAX_URL_LENGTH);
        transactions.useTransaction(handle -> status.pluginUrl(handle, call.siteId(), url));
        success(ctx);
    }

    /**
     * All three keys always: without {@code firewall} the plugin asks again on every page view,
     * and it reads the other two without checking them.
     */
    private void firewallRules(Context ctx) {
        // LIMITATION: no firewall rules or virtual patches are served yet, only empty sets; sites
        // run with the plugin's local hardening alone until a rule source exists.
        PluginAuth.call(ctx);
        body.read(ctx, RequestBody.ONE_MIB);
        Map<String, Object> whitelistKeys = new LinkedHashMap<>();
        whitelistKeys.put("POST", List.of());
        whitelistKeys.put("GET", List.of());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("firewall", List.of());
        reply.put("whitelists", List.of());
        reply.put("whitelist_keys", whitelistKeys);
        ctx.json(reply);
    }

    /** An empty {@code rules} text makes the plugin write nothing into .htaccess. */
    private void htaccessRules(Context ctx) {
        PluginCall call = PluginAuth.call(ctx);
        Fields fields = body.read(ctx, RequestBody.ONE_MIB);
        Optional<String> settings = settings(fields);
        if (settings.isPresent()) {
            Instant now = now();
            transactions.useTransaction(handle -> status.ruleSettings(handle, call.siteId(),
                    settings.get(), now));
        }
        ctx.json(Map.of("rules", ""));
    }

    private void htaccessHash(Context ctx) {
        PluginAuth.call(ctx);
        body.read(ctx, RequestBody.ONE_MIB);
        ctx.json(Map.of("rules", ""));
    }

    /**
     * The switch names of {@code settings}, re-encoded; empty when the field is absent or not a
     * JSON list of strings. The list is information only, so a bad one never fails the call.
     */
    private Optional<String> settings(Fields fields) {
        Optional<JsonNode> raw = fields.value("settings").filter(JsonNode::isTextual);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode list = json.readTree(raw.get().textValue());
            if (list == null || !list.isArray() || list.size() > MAX_SETTINGS) {
                return Optional.empty();
            }
            List<String> names = new ArrayList<>();
            for (JsonNode name : list) {
                if (!name.isTextual() || name.textValue().length() > 100) {
                    return Optional.empty();
                }
                names.add(name.textValue());
            }
            return Optional.of(json.writeValueAsString(names));
        } catch (JsonProcessingException ignored) {
            // Not JSON: the settings are information only, so the call still succeeds.
            return Optional.empty();
        }
    }

    private static void success(Context ctx) {
        ctx.json(Map.of("success", true));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
