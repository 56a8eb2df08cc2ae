package io.bulwark.sites;

import io.bulwark.errors.InvalidInputException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Validation and normal form of site URLs. The normal form decides duplicates and search:
 * host through IDNA, lower-cased, one leading {@code www.} and a trailing dot removed; the port
 * only when it is not the scheme's default; the scheme ignored; the path kept as is without
 * trailing slashes; query and fragment dropped.
 */
public final class SiteUrl {
    static final int MAX_LENGTH = 2048;

    private SiteUrl() {
    }

    /** Checks an already trimmed URL, answering 422 with the rule it breaks. */
    public static void validate(String url) {
        if (url.codePointCount(0, url.length()) > MAX_LENGTH) {
            throw new InvalidInputException("The url must not be greater than " + MAX_LENGTH
                    + " characters.");
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c != 0x7f)) {
            throw invalid();
        }
        normalize(url);
    }

    /** The normal form of a valid URL; answers 422 for an invalid one. */
    public static String normalize(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        if (!scheme.equals("http") && !scheme.equals("https") || authority == null
                || authority.contains("@")) {
            throw invalid();
        }
        HostPort hostPort = HostPort.parse(authority);
        String host;
        try {
            host = IDN.toASCII(hostPort.host(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.isEmpty()) {
            throw invalid();
        }
        int port = hostPort.port();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return host + (defaultPort ? "" : ":" + port) + path;
    }

    /**
     * The host and port of an authority. {@link URI#getHost()} is null for internationalised
     * host names, so the authority is split here.
     */
    private record HostPort(String host, int port) {
        static HostPort parse(String authority) {
            String host = authority;
            String port = "";
            if (authority.startsWith("[")) {
                int end = authority.indexOf(']');
                if (end < 0) {
                    throw invalid();
                }
                host = authority.substring(0, end + 1);
                port = authority.substring(end + 1);
            } else if (authority.contains(":")) {
                host = authority.substring(0, authority.lastIndexOf(':'));
                port = authority.substring(authority.lastIndexOf(':'));
            }
            if (port.isEmpty()) {
                return new HostPort(host, -1);
            }
            if (!port.matches(":[0-9]{1,5}") || Integer.parseInt(port.substring(1)) > 65535
                    || host.isEmpty() || host.contains(":") && !host.startsWith("[")) {
                throw invalid();
            }
            return new HostPort(host, Integer.parseInt(port.substring(1)));
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("The url must be a valid URL.");
    }
}
