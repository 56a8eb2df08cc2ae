package io.bulwark.login;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Portal sessions, stored in the database so that any node can serve any request. The cookie
 * holds a random id; the table holds its SHA-256, an idle and an absolute expiry, and the
 * session's CSRF token.
 */
public final class Sessions {
    private final Transactions transactions;
    private final Tokens tokens;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public Sessions(Transactions transactions, Tokens tokens, Duration idleTimeout,
            Duration maxAge, Clock clock) {
        this.transactions = transactions;
        this.tokens = tokens;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A live session. */
    public record Session(long userId, String csrfToken) {
    }

    /** Opens a session for {@code userId}, dropping its dead ones; returns the cookie value. */
    public String open(long userId) {
        String id = tokens.urlSafe(32);
        Instant now = now();
        transactions.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM portal_sessions WHERE user_id = :user "
                            + "AND (expires_at <= :now OR last_seen_at <= :idleSince)")
                    .bind("user", userId)
                    .bind("now", now)
                    .bind("idleSince", now.minus(idleTimeout))
                    .execute();
            handle.createUpdate("INSERT INTO portal_sessions (session_hash, user_id, csrf_token, "
                            + "created_at, last_seen_at, expires_at) VALUES (:hash, :user, "
                            + ":csrf, :now, :now, :expires)")
                    .bind("hash", Tokens.sha256Hex(id))
                    .bind("user", userId)
                    .bind("csrf", tokens.urlSafe(24))
                    .bind("now", now)
                    .bind("expires", now.plus(maxAge))
                    .execute();
        });
        return id;
    }

    /** The live session behind a cookie value, refreshing its idle timer. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String hash = Tokens.sha256Hex(cookieValue);
        Instant now = now();
        Instant idleSince = now.minus(idleTimeout);
        return transactions.inTransaction(handle -> {
            int touched = handle.createUpdate("UPDATE portal_sessions SET last_seen_at = :now "
                            + "WHERE session_hash = :hash AND expires_at > :now "
                            + "AND last_seen_at > :idleSince")
                    .bind("hash", hash)
                    .bind("now", now)
                    .bind("idleSince", idleSince)
                    .execute();
            if (touched == 0) {
                return Optional.<Session>empty();
            }
            return handle.createQuery("SELECT user_id, csrf_token FROM portal_sessions "
                            + "WHERE session_hash = :hash")
                    .bind("hash", hash)
                    .map((row, ctx) -> new Session(row.getLong("user_id"),
                            row.getString("csrf_token")))
                    .findOne();
        });
    }

    /** Ends the session behind a cookie value; ending an unknown one is harmless. */
    public void close(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty()) {
            return;
        }
        transactions.useTransaction(handle -> handle
                .createUpdate("DELETE FROM portal_sessions WHERE session_hash = :hash")
                .bind("hash", Tokens.sha256Hex(cookieValue))
                .execute());
    }

    /** Ends every session of {@code userId} except the one behind {@code keptCookieValue}. */
    public void closeOthers(long userId, String keptCookieValue) {
        transactions.useTransaction(handle -> closeOthers(handle, userId, keptCookieValue));
    }

    /** As {@link #closeOthers(long, String)}, inside the caller's transaction. */
    public void closeOthers(Handle handle, long userId, String keptCookieValue) {
        handle.createUpdate("DELETE FROM portal_sessions WHERE user_id = :user "
                        + "AND session_hash <> :kept")
                .bind("user", userId)
                .bind("kept", Tokens.sha256Hex(keptCookieValue))
                .execute();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
