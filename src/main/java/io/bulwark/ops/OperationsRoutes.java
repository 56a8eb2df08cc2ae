package io.bulwark.ops;

import io.bulwark.db.Database;
import io.bulwark.web.Routes;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness ({@code /livez}: the process answers), readiness ({@code /healthz}: the database
 * answers too) and the OpenAPI document of the Hosting API.
 */
public final class OperationsRoutes implements Routes {
    private final Database database;
    private final byte[] openApi;

    public OperationsRoutes(Database database) {
        this.database = database;
        this.openApi = readOpenApi();
    }

    @Override
    public void addTo(Javalin app) {
        app.get("/healthz", this::health);
        app.get("/livez", ctx -> ctx.json(Map.of("status", "ok")));
        app.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
    }

    private void health(Context ctx) {
        boolean up = database.isReachable();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "ok" : "unavailable");
        body.put("database", database.kind().label());
        ctx.status(up ? 200 : 503).json(body);
    }

    private static byte[] readOpenApi() {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
