package io.bulwark.hosting;

import io.bulwark.audit.AuditBatcher;
import io.bulwark.audit.AuditLog;
import io.bulwark.providers.Provider;
import io.bulwark.providers.ProviderService;
import io.bulwark.web.Requests;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every {@code /hosting/} route shares: the {@code HostToken} check (after route
 * matching, so an unknown route is a 404 before any token is looked at) and the audit record
 * of every authenticated call, failures included (calls that changed nothing are written in
 * batches by {@link AuditBatcher}).
 */
public final class HostingApi implements Routes {
    private static final String CALL = "bulwark.hostCall";
    private static final Pattern ACTION = Pattern.compile("^/hosting/(user|site)[^/]*(?:/[^/]+)?"
            + "/([a-z]+)$");

    private final ProviderService providers;
    private final AuditLog auditLog;
    private final AuditBatcher auditBatcher;
    private final List<String> trustedProxies;
    private final Clock clock;

    public HostingApi(ProviderService providers, AuditLog auditLog, AuditBatcher auditBatcher,
            List<String> trustedProxies, Clock clock) {
        this.providers = providers;
        this.auditLog = auditLog;
        this.auditBatcher = auditBatcher;
        this.trustedProxies = List.copyOf(trustedProxies);
        this.clock = clock;
    }

    @Override
    public void addTo(Javalin app) {
        app.beforeMatched("/hosting/*", this::authenticate);
        app.after("/hosting/*", this::auditAfterResponse);
    }

    /** The call being served; only valid inside a {@code /hosting/} handler. */
    public static HostCall call(Context ctx) {
        HostCall call = ctx.attribute(CALL);
        if (call == null) {
            throw new IllegalStateException("No authenticated host call on " + ctx.path());
        }
        return call;
    }

    private void authenticate(Context ctx) {
        Provider provider = providers.authenticate(ctx.header("HostToken"));
        String action = action(Routes.loggedPath(ctx));
        ctx.attribute(CALL, new HostCall(provider, action, Requests.clientIp(ctx, trustedProxies),
                Requests.requestId(ctx), auditLog));
    }

    private void auditAfterResponse(Context ctx) {
        HostCall call = ctx.attribute(CALL);
        // A call audited in its transaction but answered otherwise than 200 was rolled back
        // (or failed after it): its record must still be written.
        if (call == null || (call.isAudited() && ctx.statusCode() == 200)) {
            return;
        }
        auditBatcher.add(call.entry(ctx.statusCode(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    /** {@code /hosting/user/{userid}/sso} becomes {@code user.sso}. */
    static String action(String routePattern) {
        Matcher matcher = ACTION.matcher(routePattern.replaceAll("/+$", ""));
        if (!matcher.matches()) {
            return "hosting." + routePattern.toLowerCase(Locale.ROOT);
        }
        return matcher.group(1) + "." + matcher.group(2);
    }
}
