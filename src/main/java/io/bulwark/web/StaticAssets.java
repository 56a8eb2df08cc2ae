package io.bulwark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one style sheet of the HTML pages, read from the class path once at start-up. Served with
 * a short cache lifetime: a new release changes it, and nothing fingerprints the file name.
 */
public final class StaticAssets implements Routes {
    static final String STYLE_SHEET = "/assets/bulwark.css";

    private final byte[] styleSheet;

    public StaticAssets() {
        this.styleSheet = read(STYLE_SHEET);
    }

    @Override
    public void addTo(Javalin app) {
        app.get(STYLE_SHEET, this::styleSheet);
    }

    private void styleSheet(Context ctx) {
        ctx.header("Cache-Control", "public, max-age=600")
                .header("X-Content-Type-Options", "nosniff")
                .contentType("text/css; charset=utf-8")
                .result(styleSheet);
    }

    private static byte[] read(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The class path lacks " + resource
                        + "; the build did not copy src/main/resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource + " from the class path", e);
        }
    }
}
