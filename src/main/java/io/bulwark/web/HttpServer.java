package io.bulwark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Javalin server: request ids, the access log, error mapping, and every feature's routes.
 * Runs handlers on virtual threads, so blocking JDBC calls are cheap.
 */
public final class HttpServer {
    private static final Logger ACCESS = LoggerFactory.getLogger("bulwark.access");

    /** The largest body any route accepts (plugin log uploads); routes check their own. */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

    private final Javalin app;

    public HttpServer(ObjectMapper json, BrowserErrors browserErrors, List<Routes> routes) {
        this.app = Javalin.create(config -> {
            config.useVirtualThreads = true;
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.http.defaultContentType = "application/json";
            config.router.ignoreTrailingSlashes = true;
            config.router.treatMultipleSlashesAsSingleSlash = true;
            config.jsonMapper(new JavalinJackson(json, true));
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(5_000);
                server.setErrorHandler(new JsonErrorHandler(json));
            });
            config.requestLogger.http((ctx, millis) -> ACCESS.info("{} {} {} {} {}ms",
                    Requests.requestId(ctx), ctx.method(), Routes.loggedPath(ctx),
                    ctx.statusCode(), Math.round(millis)));
        });
        app.before(ctx -> {
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            ctx.attribute(Requests.REQUEST_ID, id);
            ctx.header("X-Request-Id", id);
        });
        ErrorMapper.register(app, browserErrors);
        routes.forEach(group -> group.addTo(app));
        app.after(ctx -> {
            // A redirect's body is Javalin's word "Redirected", not the JSON the default says.
            if (ctx.statusCode() / 100 == 3) {
                ctx.contentType("text/plain; charset=utf-8");
            }
        });
    }

    /** Starts listening on {@code host}:{@code port} (0 for a free one); returns the port. */
    public int start(String host, int port) {
        app.start(host, port);
        return app.port();
    }

    public void stop() {
        app.stop();
    }

    /** The underlying server, for the OpenAPI document check in tests. */
    public Javalin javalin() {
        return app;
    }
}
