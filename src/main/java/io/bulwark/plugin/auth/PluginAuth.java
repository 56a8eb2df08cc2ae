package io.bulwark.plugin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.errors.BadRequestException;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.web.Fields;
import io.bulwark.web.RequestBody;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin's authentication: {@code POST /oauth/token}, and the bearer check in front of
 * every {@code /api/} route except the two the plugin calls without a token. The check runs
 * after route matching, so an unknown route is a 404 before any token is looked at.
 *
 * <p>On the two log uploads a database failure during the check is not a 500: the plugin drops
 * a batch on any reply without {@code errors}, so the upload is let through marked as
 * unavailable and answers that the batch should be resent.
 */
public final class PluginAuth implements Routes {
    /** Why a call whose {@code LicenseID} names another credential is refused. */
    public static final String LICENSE_MISMATCH = "The LicenseID header names other plugin "
            + "credentials than the access token's.";

    private static final Logger LOG = LoggerFactory.getLogger(PluginAuth.class);
    private static final String CALL = "bulwark.pluginCall";
    private static final String UNAVAILABLE = "bulwark.pluginAuthUnavailable";
    private static final Set<String> PUBLIC_ROUTES = Set.of("/api/header", "/api/secret");
    private static final Set<String> LOG_ROUTES = Set.of("/api/logs/log", "/api/activity/log");

    private final TokenService tokens;
    private final RequestBody body;

    public PluginAuth(TokenService tokens, RequestBody body) {
        this.tokens = tokens;
        this.body = body;
    }

    @Override
    public void addTo(Javalin app) {
        app.beforeMatched("/api/*", this::authenticate);
        app.post("/oauth/token", this::token);
    }

    /**
     * The call being served, whose {@code LicenseID} names the token's own credential.
     *
     * @throws ForbiddenException when {@code LicenseID} names another credential
     */
    public static PluginCall call(Context ctx) {
        PluginCall call = authenticated(ctx);
        if (!call.licenseMatches()) {
            throw new ForbiddenException(LICENSE_MISMATCH);
        }
        return call;
    }

    /**
     * The call being served, for the log uploads, which answer a mismatch themselves; empty
     * when the token could not be checked because the database failed.
     */
    public static Optional<PluginCall> uploadCall(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(UNAVAILABLE))) {
            return Optional.empty();
        }
        return Optional.of(authenticated(ctx));
    }

    private static PluginCall authenticated(Context ctx) {
        PluginCall call = ctx.attribute(CALL);
        if (call == null) {
            throw new IllegalStateException("No authenticated plugin call on " + ctx.path());
        }
        return call;
    }

    private void authenticate(Context ctx) {
        String route = Routes.loggedPath(ctx);
        if (PUBLIC_ROUTES.contains(route)) {
            return;
        }
        try {
            ctx.attribute(CALL, tokens.authenticate(bearer(ctx), ctx.header("LicenseID"),
                    ctx.header("Source-Host")));
        } catch (JdbiException e) {
            if (!LOG_ROUTES.contains(route)) {
                throw e;
            }
            LOG.warn("Could not check the token of request {}; the log batch is refused for now",
                    Requests.requestId(ctx), e);
            ctx.attribute(UNAVAILABLE, true);
        }
    }

    /**
     * OAuth errors keep OAuth's shape ({@code error} code plus {@code message}). A failure on
     * our side is a 503, never a 401: the plugin erases its keys on a 401.
     */
    private void token(Context ctx) {
        Fields fields;
        try {
            fields = body.read(ctx, RequestBody.ONE_MIB);
        } catch (BadRequestException e) {
            oauthError(ctx, e.status(), "invalid_request", e.getMessage());
            return;
        }
        Optional<String> grant = text(fields, "grant_type");
        Optional<String> clientId = text(fields, "client_id");
        Optional<String> secret = text(fields, "client_secret");
        if (grant.isEmpty() || clientId.isEmpty() || secret.isEmpty()) {
            oauthError(ctx, 400, "invalid_request", "The grant_type, client_id and "
                    + "client_secret fields are required.");
            return;
        }
        if (!grant.get().equals("client_credentials")) {
            oauthError(ctx, 400, "unsupported_grant_type", "Only the client_credentials grant "
                    + "is supported.");
            return;
        }
        TokenService.Issued issued;
        try {
            issued = tokens.issue(clientId.get().strip(), secret.get());
        } catch (JdbiException | IllegalStateException e) {
            LOG.error("Could not issue a plugin token in request {}", Requests.requestId(ctx), e);
            oauthError(ctx, 503, "temporarily_unavailable", "Try again later.");
            return;
        }
        switch (issued) {
            case TokenService.Issued.Token token -> {
                Map<String, Object> reply = new LinkedHashMap<>();
                reply.put("token_type", "Bearer");
                reply.put("expires_in", token.expiresInSeconds());
                reply.put("access_token", token.accessToken());
                ctx.json(reply);
            }
            case TokenService.Issued.Refused refused ->
                    oauthError(ctx, refused.status(), refused.error(), refused.message());
        }
    }

    private static Optional<String> text(Fields fields, String field) {
        return fields.value(field).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .filter(value -> !value.isEmpty());
    }

    private static void oauthError(Context ctx, int status, String error, String message) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("error", error);
        reply.put("message", message);
        ctx.status(status).json(reply);
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.length() < 7
                || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
