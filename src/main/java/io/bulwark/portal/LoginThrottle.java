package io.bulwark.portal;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Times;
import io.bulwark.users.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Limits password guessing, in the database so that every node counts the same attempts.
 *
 * <p>Each attempt counts against two keys: the e-mail address as typed (whether or not a user
 * has it, so a refusal tells nothing about which addresses exist) and the client address. An
 * attempt counts as a failure before its password is checked and is forgiven once it succeeds,
 * so parallel guesses cannot slip past the limit while the slow hash runs. A key's count covers
 * a fixed window from its first failure; the first attempt after the window starts a new one.
 *
 * <p>LIMITATION: anyone can lock an account out of password sign-in for one window by guessing
 * its address five times. Login links from the hosting provider still work meanwhile, and the
 * alternative (unlimited guessing) is worse; the customer notices a "try again later" page.
 */
public final class LoginThrottle {
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int ACCOUNT_LIMIT = 5;
    static final int ADDRESS_LIMIT = 50;

    /** The verdict on one attempt: admitted, or refused until {@code retryAfter} has passed. */
    public record Admission(boolean admitted, Duration retryAfter) {
    }

    /** Counts an attempt for {@code email} from {@code clientIp}; run it before checking. */
    public Admission admit(Handle handle, String email, String clientIp, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        handle.createUpdate("DELETE FROM login_attempts WHERE window_started_at <= :windowStart")
                .bind("windowStart", windowStart)
                .execute();
        Count account = count(handle, accountKey(email), now, windowStart);
        Count address = count(handle, addressKey(clientIp), now, windowStart);
        Duration wait = Duration.ZERO;
        if (account.failures() > ACCOUNT_LIMIT) {
            wait = max(wait, Duration.between(now, account.windowStartedAt().plus(WINDOW)));
        }
        if (address.failures() > ADDRESS_LIMIT) {
            wait = max(wait, Duration.between(now, address.windowStartedAt().plus(WINDOW)));
        }
        return new Admission(wait.isZero(), wait);
    }

    /** Forgives a successful attempt: clears the account's count, takes one off the address's. */
    public void forgive(Handle handle, String email, String clientIp) {
        handle.createUpdate("DELETE FROM login_attempts WHERE attempt_key = :key")
                .bind("key", accountKey(email))
                .execute();
        handle.createUpdate("UPDATE login_attempts SET failures = failures - 1 "
                        + "WHERE attempt_key = :key AND failures > 0")
                .bind("key", addressKey(clientIp))
                .execute();
    }

    private record Count(int failures, Instant windowStartedAt) {
    }

    private static Count count(Handle handle, String key, Instant now, Instant windowStart) {
        return handle.createQuery("INSERT INTO login_attempts (attempt_key, failures, "
                        + "window_started_at) VALUES (:key, 1, :now) "
                        + "ON CONFLICT (attempt_key) DO UPDATE SET "
                        + "failures = CASE WHEN login_attempts.window_started_at <= :windowStart "
                        + "THEN 1 ELSE login_attempts.failures + 1 END, "
                        + "window_started_at = CASE WHEN login_attempts.window_started_at "
                        + "<= :windowStart THEN :now ELSE login_attempts.window_started_at END "
                        + "RETURNING failures, window_started_at")
                .bind("key", key)
                .bind("now", now)
                .bind("windowStart", windowStart)
                .map((row, ctx) -> new Count(row.getInt("failures"),
                        Times.fromMicros(row.getLong("window_started_at"))))
                .one();
    }

    private static String accountKey(String email) {
        return Tokens.sha256Hex("account:" + EmailAddress.normalize(email));
    }

    private static String addressKey(String clientIp) {
        return Tokens.sha256Hex("address:" + clientIp);
    }

    private static Duration max(Duration first, Duration second) {
        return first.compareTo(second) >= 0 ? first : second;
    }
}
