package io.bulwark.web;

import io.javalin.http.Context;
import java.util.List;

/** Per-request values that every layer may need: the request id and the client address. */
public final class Requests {
    static final String REQUEST_ID = "bulwark.requestId";

    private Requests() {
    }

    /** The id of this request, also sent as {@code X-Request-Id}. */
    public static String requestId(Context ctx) {
        Object id = ctx.attribute(REQUEST_ID);
        return id == null ? "-" : id.toString();
    }

    /**
     * The client's address: the socket peer, or the last {@code X-Forwarded-For} hop when the
     * peer is a configured proxy.
     */
    public static String clientIp(Context ctx, List<String> trustedProxies) {
        String peer = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? peer : last;
    }
}
