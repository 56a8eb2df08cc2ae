package io.bulwark.login;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Times;
import io.bulwark.db.Transactions;
import io.bulwark.hosting.HostCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Single-use login links into the portal. A user has at most one live link: issuing a new one
 * replaces the old row (the user id is unique in the table). Only the SHA-256 of a token is
 * stored, and redeeming deletes the row in the same statement that reads it.
 */
public final class LoginLinks {
    static final Duration LIFETIME = Duration.ofHours(24);

    private final Transactions transactions;
    private final Tokens tokens;
    private final String publicBase;
    private final Clock clock;

    public LoginLinks(Transactions transactions, Tokens tokens, String publicBase, Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.publicBase = publicBase;
        this.clock = clock;
    }

    /** A new link and its expiry. */
    public record Issued(String url, Instant expiresAt) {
    }

    /** Resolves the owning user inside the transaction, so its 404/403 come before any write. */
    @FunctionalInterface
    public interface UserLookup {
        long userId(Handle handle);
    }

    public Issued issue(HostCall call, UserLookup lookup) {
        String token = tokens.urlSafe(32);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = now.plus(LIFETIME);
        transactions.useTransaction(handle -> {
            long userId = lookup.userId(handle);
            call.target("user", userId);
            handle.createUpdate("DELETE FROM login_tokens WHERE user_id = :user")
                    .bind("user", userId)
                    .execute();
            handle.createUpdate("INSERT INTO login_tokens (token_hash, user_id, created_at, "
                            + "expires_at) VALUES (:hash, :user, :now, :expires)")
                    .bind("hash", Tokens.sha256Hex(token))
                    .bind("user", userId)
                    .bind("now", now)
                    .bind("expires", expiresAt)
                    .execute();
            call.auditSuccess(handle, now);
        });
        return new Issued(publicBase + "/sso/" + token, expiresAt.truncatedTo(ChronoUnit.SECONDS));
    }

    /** Burns {@code token}; the user id when it was live, empty when unknown, used or expired. */
    public Optional<Long> redeem(String token) {
        if (token.isEmpty() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(handle -> handle
                .createQuery("DELETE FROM login_tokens WHERE token_hash = :hash "
                        + "RETURNING user_id, expires_at")
                .bind("hash", Tokens.sha256Hex(token))
                .map((row, ctx) -> new Burned(row.getLong("user_id"),
                        Times.fromMicros(row.getLong("expires_at"))))
                .findOne()
                .filter(burned -> now.isBefore(burned.expiresAt()))
                .map(Burned::userId));
    }

    private record Burned(long userId, Instant expiresAt) {
    }
}
