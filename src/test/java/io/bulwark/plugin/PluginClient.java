package io.bulwark.plugin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Behaves like the Patchstack WordPress plugin 2.3.2 on WordPress 6.1.9 (plugin protocol §2,
 * §3, §5, §16): same methods and paths, form bodies built like PHP's {@code http_build_query}
 * with JSON inside fields encoded like {@code json_encode}, the same headers in the same order,
 * one request per connection with {@code Connection: close}.
 */
public final class PluginClient {
    private final WireClient wire;
    private final int port;
    private final String siteUrl;
    private final String protocol;
    private String clientId;
    private String secret;
    private String accessToken;

    public PluginClient(int port, String siteUrl, long clientId, String secret, String protocol) {
        this.wire = new WireClient(port);
        this.port = port;
        this.siteUrl = siteUrl;
        this.protocol = protocol;
        this.clientId = Long.toString(clientId);
        this.secret = secret;
    }

    /** A client speaking HTTP/1.1, as WordPress does. */
    public PluginClient(int port, String siteUrl, long clientId, String secret) {
        this(port, siteUrl, clientId, secret, "HTTP/1.1");
    }

    public String accessToken() {
        return accessToken;
    }

    /** Uses another token from now on (tests of foreign or expired tokens). */
    public void useAccessToken(String token) {
        this.accessToken = token;
    }

    /** Sends another {@code LicenseID} from now on. */
    public void useLicenseId(String licenseId) {
        this.clientId = licenseId;
    }

    /** The activation of a paid site, in the order of §16.6 (16 requests). */
    public List<WireClient.Reply> activatePaid(List<Map<String, Object>> inactiveList,
            List<Map<String, Object>> activeList, List<String> settings) {
        List<WireClient.Reply> replies = new ArrayList<>();
        replies.add(probe());
        replies.add(token());
        replies.add(licenseVerify());
        replies.add(header());
        replies.add(software(inactiveList));
        replies.add(rules(settings));
        replies.add(getRules());
        replies.add(header());
        replies.add(firewallStatus(1));
        replies.add(pluginUrl());
        replies.add(ping(1));
        replies.add(firewallStatus(1));
        replies.add(pluginUrl());
        replies.add(rules(settings));
        replies.add(getRules());
        replies.add(software(activeList));
        return replies;
    }

    public WireClient.Reply probe() {
        return send("GET", "/", null, false);
    }

    /** The client-credentials exchange; keeps the token of a 200 answer. */
    public WireClient.Reply token() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        form.put("grant_type", "client_credentials");
        WireClient.Reply reply = send("POST", "/oauth/token", form, false);
        if (reply.status() == 200) {
            accessToken = reply.json().get("access_token").asText();
        }
        return reply;
    }

    public WireClient.Reply licenseVerify() {
        return send("GET", "/api/license/verify", null, true);
    }

    /** {@code /api/header}: a one-time token of 32 hex characters, only Source-Host. */
    public WireClient.Reply header() {
        byte[] token = new byte[16];
        new SecureRandom().nextBytes(token);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", HexFormat.of().formatHex(token));
        form.put("url", siteUrl);
        return send("POST", "/api/header", form, false);
    }

    public WireClient.Reply software(List<Map<String, Object>> list) {
        return post("/api/sw/json", "software", PhpEncoding.json(list));
    }

    public WireClient.Reply rules(List<String> settings) {
        return post("/api/rules", "settings", PhpEncoding.json(settings));
    }

    public WireClient.Reply getRules() {
        return post("/api/get-rules/3", null, null);
    }

    public WireClient.Reply htaccessRules() {
        return post("/api/rules/htaccess", null, null);
    }

    public WireClient.Reply firewallStatus(int status) {
        return post("/api/firewall/update/status", "status", Integer.toString(status));
    }

    public WireClient.Reply pluginUrl() {
        return post("/api/plugin/update/url", "plugin_url", siteUrl);
    }

    public WireClient.Reply ping(int firewall) {
        return post("/api/ping", "firewall", Integer.toString(firewall));
    }

    public WireClient.Reply firewallLogs(List<Map<String, Object>> records) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("logs", PhpEncoding.json(records));
        form.put("type", "firewall");
        form.put("is_multisite", "0");
        return send("POST", "/api/logs/log", form, true);
    }

    public WireClient.Reply activityLogs(List<Map<String, Object>> records) {
        return post("/api/activity/log", "logs", PhpEncoding.json(records));
    }

    public WireClient.Reply multisiteKeys(List<String> urls) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            form.put("sites[" + i + "]", urls.get(i));
        }
        form.put("is_multisite", "1");
        return send("POST", "/api/multisite-keys", form, true);
    }

    /** A POST with one field (or none) plus 2.3.x's {@code is_multisite}. */
    private WireClient.Reply post(String path, String field, String value) {
        Map<String, String> form = new LinkedHashMap<>();
        if (field != null) {
            form.put(field, value);
        }
        form.put("is_multisite", "0");
        return send("POST", path, form, true);
    }

    /** Sends a request with WordPress's headers; {@code form} null means no body. */
    public WireClient.Reply send(String method, String path, Map<String, String> form,
            boolean authenticated) {
        byte[] body = form == null ? new byte[0]
                : PhpEncoding.query(form).getBytes(StandardCharsets.UTF_8);
        return sendBody(method, path, form == null ? null : "application/x-www-form-urlencoded",
                body, authenticated);
    }

    /** Sends any body with WordPress's headers; {@code contentType} null sends none. */
    public WireClient.Reply sendBody(String method, String path, String contentType, byte[] body,
            boolean authenticated) {
        String authority = "127.0.0.1:" + port;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", authority));
        headers.add(Map.entry("User-Agent", "WordPress/6.1.9; " + siteUrl));
        headers.add(Map.entry("Accept", "*/*"));
        headers.add(Map.entry("Accept-Encoding", "deflate, gzip, br, zstd"));
        headers.add(Map.entry("Referer", "http://" + authority + path));
        if (authenticated) {
            if (accessToken != null) {
                headers.add(Map.entry("Authorization", "Bearer " + accessToken));
            }
            headers.add(Map.entry("LicenseID", clientId));
        }
        if (authenticated || path.equals("/api/header") || path.equals("/api/secret")) {
            headers.add(Map.entry("Source-Host", siteUrl));
        }
        headers.add(Map.entry("Connection", "close"));
        if (method.equals("POST")) {
            headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
            if (contentType != null) {
                headers.add(Map.entry("Content-Type", contentType));
            }
        }
        return wire.send(method + " " + path + " " + protocol, headers, body);
    }
}
