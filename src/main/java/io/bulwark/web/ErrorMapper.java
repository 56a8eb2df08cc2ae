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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where exceptions become HTTP answers. Expected failures map to their status
 * with {@code {"error": message}}; anything else is logged once at ERROR with the request id
 * and answered 500 with only that id, so nothing internal reaches the client.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static void register(Javalin app) {
        app.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, e.getMessage()));
        app.exception(ForbiddenException.class, (e, ctx) -> answer(ctx, 403, e.getMessage()));
        app.exception(InvalidInputException.class, (e, ctx) -> answer(ctx, 422, e.getMessage()));
        app.exception(UnauthorizedException.class, (e, ctx) -> answer(ctx, 401, e.getMessage()));
        app.exception(ConflictException.class, (e, ctx) -> answer(ctx, 409, e.getMessage()));
        app.exception(CredentialsRevokedException.class, ErrorMapper::revoked);
        app.exception(BadRequestException.class,
                (e, ctx) -> answer(ctx, e.status(), e.getMessage()));
        app.exception(HttpResponseException.class, ErrorMapper::framework);
        app.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                answer(ctx, 404, "No such route: " + ctx.method() + " " + ctx.path());
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

    private static void framework(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        if (status == 405) {
            Object methods = e.getDetails().get("availableMethods");
            if (methods != null) {
                ctx.header("Allow", methods.toString().replaceAll("[\\[\\] ]", ""));
            }
            answer(ctx, 405, "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".");
        } else if (status == 413) {
            answer(ctx, 413, "The request body is too large.");
        } else if (status >= 500) {
            unexpected(ctx, e);
        } else {
            answer(ctx, status, e.getMessage());
        }
    }

    private static void unexpected(Context ctx, Exception e) {
        String requestId = Requests.requestId(ctx);
        LOG.error("Unexpected failure in request {} {} {}", requestId, ctx.method(),
                Routes.loggedPath(ctx), e);
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", "Internal server error; quote the request id when reporting it.");
        body.put("request_id", requestId);
        ctx.status(500).json(body);
    }
}
