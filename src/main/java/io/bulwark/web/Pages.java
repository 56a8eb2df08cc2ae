package io.bulwark.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/**
 * Server-rendered HTML: the jte templates of {@code src/main/jte}, compiled with the rest of the
 * code by the build, and the headers every page shares. The content security policy allows no
 * script and no inline style, so an injected tag could neither run nor restyle the page.
 */
public final class Pages {
    private static final String POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final TemplateEngine engine;

    public Pages() {
        this.engine = TemplateEngine.createPrecompiled(ContentType.Html);
    }

    /**
     * Renders {@code template} (its path under {@code src/main/jte}, such as
     * {@code portal/sites.jte}) with {@code page} as its one parameter.
     */
    public String render(String template, Object page) {
        StringOutput output = new StringOutput();
        engine.render(template, page, output);
        return output.toString();
    }

    /** Sends a rendered page with {@code status}; pages hold personal data, so none is cached. */
    public void send(Context ctx, int status, String template, Object page) {
        sendHtml(ctx, status, render(template, page));
    }

    /** Sends a template that takes no parameter. */
    public void send(Context ctx, int status, String template) {
        StringOutput output = new StringOutput();
        engine.render(template, Map.of(), output);
        sendHtml(ctx, status, output.toString());
    }

    private static void sendHtml(Context ctx, int status, String html) {
        ctx.status(status)
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store")
                .contentType("text/html; charset=utf-8")
                .result(html);
        if (ctx.res().getHeader("Referrer-Policy") == null) {
            ctx.header("Referrer-Policy", "same-origin");
        }
    }
}
