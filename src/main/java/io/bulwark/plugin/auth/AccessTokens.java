package io.bulwark.plugin.auth;

import io.bulwark.db.Times;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for the plugin's bearer tokens (stored as SHA-256 hex) and credential tombstones. */
final class AccessTokens {
    /** A stored token with what authentication needs to know about its site. */
    record Found(
            long siteId,
            long credentialId,
            Instant expiresAt,
            Optional<Instant> lastSeenAt,
            Optional<String> sourceHost) {
    }

    Optional<Found> find(Handle handle, String tokenHash) {
        return handle.createQuery("SELECT t.site_id, t.credential_id, t.expires_at, "
                        + "s.last_seen_at, s.source_host FROM plugin_access_tokens t "
                        + "JOIN sites s ON s.id = t.site_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .map((row, ctx) -> {
                    long seen = row.getLong("last_seen_at");
                    Optional<Instant> lastSeen = row.wasNull() ? Optional.empty()
                            : Optional.of(Times.fromMicros(seen));
                    return new Found(row.getLong("site_id"), row.getLong("credential_id"),
                            Times.fromMicros(row.getLong("expires_at")), lastSeen,
                            Optional.ofNullable(row.getString("source_host")));
                })
                .findOne();
    }

    void insert(Handle handle, String tokenHash, long credentialId, long siteId, Instant issuedAt,
            Instant expiresAt) {
        handle.createUpdate("INSERT INTO plugin_access_tokens (token_hash, credential_id, "
                        + "site_id, issued_at, expires_at) VALUES (:hash, :credential, :site, "
                        + ":issued, :expires)")
                .bind("hash", tokenHash)
                .bind("credential", credentialId)
                .bind("site", siteId)
                .bind("issued", issuedAt)
                .bind("expires", expiresAt)
                .execute();
    }

    /** Deletes the site's tokens that expired before {@code cutoff}. */
    int deleteExpired(Handle handle, long siteId, Instant cutoff) {
        return handle.createUpdate("DELETE FROM plugin_access_tokens WHERE site_id = :site "
                        + "AND expires_at < :cutoff")
                .bind("site", siteId)
                .bind("cutoff", cutoff)
                .execute();
    }

    /** The credential's token hashes, newest first. */
    List<String> listNewestFirst(Handle handle, long siteId, long credentialId) {
        return handle.createQuery("SELECT token_hash FROM plugin_access_tokens "
                        + "WHERE site_id = :site AND credential_id = :credential "
                        + "ORDER BY issued_at DESC, token_hash")
                .bind("site", siteId)
                .bind("credential", credentialId)
                .mapTo(String.class)
                .list();
    }

    void delete(Handle handle, List<String> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return;
        }
        handle.createUpdate("DELETE FROM plugin_access_tokens WHERE token_hash IN (<hashes>)")
                .bindList("hashes", tokenHashes)
                .execute();
    }

    boolean isTombstoned(Handle handle, long credentialId) {
        return handle.createQuery("SELECT COUNT(*) FROM credential_tombstones "
                        + "WHERE credential_id = :credential")
                .bind("credential", credentialId)
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Records an authenticated call: when, and from which {@code Source-Host}. */
    void markSeen(Handle handle, long siteId, Instant now, String sourceHost) {
        handle.createUpdate("UPDATE sites SET last_seen_at = :now, "
                        + "source_host = COALESCE(:host, source_host) WHERE id = :site")
                .bind("site", siteId)
                .bind("now", now)
                .bind("host", sourceHost)
                .execute();
    }
}
