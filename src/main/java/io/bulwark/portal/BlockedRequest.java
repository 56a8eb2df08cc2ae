package io.bulwark.portal;

import java.time.Instant;
import java.util.Objects;

/**
 * One request that a site's firewall blocked, from the raw records the plugin uploaded.
 *
 * @param occurredAt when it was blocked
 * @param ip the visitor's address as the plugin saw it
 * @param method the HTTP method
 * @param requestUri the requested path and query
 * @param fid the plugin's code for what blocked it
 */
public record BlockedRequest(Instant occurredAt, String ip, String method, String requestUri,
        String fid) {
    /** Longer URIs are cut in the table; attack payloads can run to kilobytes. */
    static final int URI_SHOWN = 120;

    public BlockedRequest {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(fid, "fid");
    }

    public String time() {
        return TimeText.second(occurredAt);
    }

    /** The URI, cut to {@value #URI_SHOWN} characters with an ellipsis. */
    public String shortUri() {
        return requestUri.length() <= URI_SHOWN ? requestUri
                : requestUri.substring(0, URI_SHOWN) + "…";
    }

    /**
     * The rule in words: the plugin logs {@code "55" + id} for its firewall rules and a bare
     * number for its legacy .htaccess codes.
     */
    public String rule() {
        if (fid.startsWith("55") && fid.length() > 2 && fid.chars().allMatch(Character::isDigit)) {
            return "Rule " + fid.substring(2);
        }
        return "Code " + fid;
    }
}
