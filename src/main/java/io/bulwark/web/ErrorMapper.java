package io.bulwark.web;

import io.bulwark.errors.BadRequestException;
import io.bulwark.errors.ConflictException;
import io.bulwark.errors.CredentialsRevokedException;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.errors.NotFoundException;
import io.bulwark.errors.UnauthorizedException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers. Expected failures map to their status
 * with {@code {"error": message}}; anything else is logged once at ERROR with the request id
 * and answered 500 with only that id, so nothing internal reaches the client. Routes that
 * people open in a browser get the same answers as HTML pages ({@link BrowserErrors}).
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    /** Maps every exception; on {@code browserErrors}' routes the answer is an HTML page. */
    public static void register(Javalin app, BrowserErrors browserErrors) {
        app.exception(NotFoundException.class,
                (e, ctx) -> respond(ctx, browserErrors, 404, e.getMessage()));
        app.exception(ForbiddenException.class,
                (e, ctx) -> respond(ctx, browserErrors, 403, e.getMessage()));
        app.exception(InvalidInputException.class,
                (e, ctx) -> respond(ctx, browserErrors, 422, e.getMessage()));
        app.exception(UnauthorizedException.class,
                (e, ctx) -> respond(ctx, browserErrors, 401, e.getMessage()));
        app.exception(ConflictException.class,
                (e, ctx) -> respond(ctx, browserErrors, 409, e.getMessage()));
        app.exception(CredentialsRevokedException.class, ErrorMapper::revoked);
        app.exception(BadRequestException.class,
                (e, ctx) -> respond(ctx, browserErrors, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class,
                (e, ctx) -> framework(e, ctx, browserErrors));
        app.exception(Exception.class, (e, ctx) -> unexpected(ctx, e, browserErrors));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                respond(ctx, browserErrors, 404, "No such route: " + ctx.method() + " "
                        + ctx.path());
            }
        });
    }

    /** Writes {@code {"error": message}} with {@code status}. */
    public static void answer(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    /** The plugin erases its keys on a {@code cancel} key (plugin protocol 17.3). */
    private static void revoked(CredentialsRevokedException e, Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        body.put("cancel", true);
        ctx.status(401).json(body);
    }

    private static void respond(Context ctx, BrowserErrors browserErrors, int status,
            String message) {
        if (browserErrors.appliesTo(ctx)) {
            browserErrors.send(ctx, status, message, Optional.empty());
        } else {
            answer(ctx, status, message);
        }
    }

    private static void framework(HttpResponseException e, Context ctx,
            BrowserErrors browserErrors) {
        int status = e.getStatus();
        if (status == 405) {
            Object methods = e.getDetails().get("availableMethods");
            if (methods != null) {
                ctx.header("Allow", methods.toString().replaceAll("[\\[\\] ]", ""));
            }
            respond(ctx, browserErrors, 405, "Method " + ctx.method() + " is not allowed on "
                    + ctx.path() + ".");
        } else if (status == 413) {
            respond(ctx, browserErrors, 413, "The request body is too large.");
        } else if (status >= 500) {
            unexpected(ctx, e, browserErrors);
        } else {
            respond(ctx, browserErrors, status, e.getMessage());
        }
    }

    private static void unexpected(Context ctx, Exception e, BrowserErrors browserErrors) {
        String requestId = Requests.requestId(ctx);
        LOG.error("Unexpected failure in request {} {} {}", requestId, ctx.method(),
                Routes.loggedPath(ctx), e);
        String message = "Internal server error; quote the request id when reporting it.";
        if (browserErrors.appliesTo(ctx)) {
            browserErrors.send(ctx, 500, message, Optional.of(requestId));
            return;
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("request_id", requestId);
        ctx.status(500).json(body);
    }
}
