package io.bulwark.plugin.auth;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Locks;
import io.bulwark.db.Transactions;
import io.bulwark.errors.CredentialsRevokedException;
import io.bulwark.errors.UnauthorizedException;
import io.bulwark.sites.Site;
import io.bulwark.sites.SiteRepository;
import io.bulwark.sites.SiteService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The plugin's OAuth client-credentials exchange and its bearer tokens.
 *
 * <p>Tokens are 32 random bytes (base64url) stored only as SHA-256. Each credential may hold
 * several live tokens, because an activation fetches a fresh one while a cron run may still use
 * the old; at most {@value #MAX_LIVE_TOKENS}, the oldest dropped first. A token is accepted until
 * five minutes after its expiry, which absorbs clock skew between the site and the server.
 */
public final class TokenService {
    static final int MAX_LIVE_TOKENS = 20;
    static final Duration GRACE = Duration.ofMinutes(5);
    private static final int MAX_TOKEN_LENGTH = 200;

    private final Transactions transactions;
    private final AccessTokens tokens;
    private final SiteRepository sites;
    private final SiteService siteService;
    private final Tokens random;
    private final Duration lifetime;
    private final Clock clock;

    public TokenService(Transactions transactions, SiteRepository sites, SiteService siteService,
            Tokens random, Duration lifetime, Clock clock) {
        this.transactions = transactions;
        this.tokens = new AccessTokens();
        this.sites = sites;
        this.siteService = siteService;
        this.random = random;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The answer to a token request: a token, or an OAuth error with its status. */
    public sealed interface Issued {
        /** A new bearer token valid for {@code expiresInSeconds}. */
        record Token(String accessToken, long expiresInSeconds) implements Issued {
        }

        /** An OAuth error reply ({@code invalid_client}, {@code invalid_request}, ...). */
        record Refused(int status, String error, String message) implements Issued {
        }
    }

    /**
     * Checks the client credentials and issues a token. The secret is decrypted and compared in
     * constant time; unknown ids, wrong secrets and removed sites are all the same 401.
     *
     * @throws IllegalStateException when the stored secret does not decrypt (wrong server key)
     */
    public Issued issue(String clientId, String clientSecret) {
        if (!clientId.matches("[1-9][0-9]{0,17}")) {
            return invalidClient();
        }
        long credentialId = Long.parseLong(clientId);
        Optional<Site> site = transactions.read(handle -> sites.findByCredential(handle,
                credentialId));
        if (site.isEmpty() || !sameSecret(siteService.credentials(site.get()).secret(),
                clientSecret)) {
            return invalidClient();
        }
        String token = random.urlSafe(32);
        Instant now = now();
        long siteId = site.get().id();
        boolean stored = transactions.inTransaction(handle -> {
            if (!Locks.lockSite(handle, siteId)) {
                return false;
            }
            tokens.deleteExpired(handle, siteId, now.minus(GRACE));
            List<String> live = tokens.listNewestFirst(handle, siteId, credentialId);
            if (live.size() >= MAX_LIVE_TOKENS) {
                tokens.delete(handle, live.subList(MAX_LIVE_TOKENS - 1, live.size()));
            }
            tokens.insert(handle, Tokens.sha256Hex(token), credentialId, siteId, now,
                    now.plus(lifetime));
            return true;
        });
        return stored ? new Issued.Token(token, lifetime.toSeconds()) : invalidClient();
    }

    /**
     * The call a bearer token authorises.
     *
     * @param bearer the token from the {@code Authorization} header, or null
     * @param licenseId the {@code LicenseID} header, or null
     * @param sourceHost the {@code Source-Host} header, or null; recorded, never checked
     * @throws CredentialsRevokedException when the token is unknown and {@code licenseId} names
     *     the credential of a removed site
     * @throws UnauthorizedException for any other missing, unknown or expired token
     */
    public PluginCall authenticate(String bearer, String licenseId, String sourceHost) {
        Instant now = now();
        Optional<AccessTokens.Found> found = bearer == null || bearer.length() > MAX_TOKEN_LENGTH
                ? Optional.empty()
                : transactions.read(handle -> tokens.find(handle, Tokens.sha256Hex(bearer)));
        if (found.isEmpty() || found.get().expiresAt().plus(GRACE).isBefore(now)) {
            throw refusal(licenseId);
        }
        AccessTokens.Found token = found.get();
        boolean licenseMatches = licenseId == null
                || licenseId.strip().equals(Long.toString(token.credentialId()));
        if (licenseMatches) {
            markSeen(token, cleanHost(sourceHost), now);
        }
        return new PluginCall(token.siteId(), token.credentialId(), licenseMatches);
    }

    /** Writes liveness at most once a minute per site, or when the Source-Host changes. */
    private void markSeen(AccessTokens.Found token, Optional<String> host, Instant now) {
        boolean stale = token.lastSeenAt().map(seen -> seen.plusSeconds(60).isBefore(now))
                .orElse(true);
        boolean moved = host.isPresent() && !host.equals(token.sourceHost());
        if (stale || moved) {
            transactions.useTransaction(handle -> tokens.markSeen(handle, token.siteId(), now,
                    host.orElse(null)));
        }
    }

    private RuntimeException refusal(String licenseId) {
        if (licenseId != null && licenseId.strip().matches("[1-9][0-9]{0,17}")) {
            long credentialId = Long.parseLong(licenseId.strip());
            if (transactions.read(handle -> tokens.isTombstoned(handle, credentialId))) {
                return new CredentialsRevokedException("This site was removed.");
            }
        }
        return new UnauthorizedException("Missing, unknown or expired access token.");
    }

    private static Optional<String> cleanHost(String sourceHost) {
        if (sourceHost == null) {
            return Optional.empty();
        }
        String host = sourceHost.strip().replaceAll("\\p{Cntrl}", "");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(host.length() > 2048 ? host.substring(0, 2048) : host);
    }

    private static boolean sameSecret(String stored, String given) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8));
    }

    private static Issued invalidClient() {
        return new Issued.Refused(401, "invalid_client", "Client authentication failed.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
