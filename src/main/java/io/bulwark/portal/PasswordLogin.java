package io.bulwark.portal;

import io.bulwark.crypto.Passwords;
import io.bulwark.crypto.Tokens;
import io.bulwark.db.Transactions;
import io.bulwark.users.UserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in with e-mail and password. A refusal reads the same whether or not a user has the
 * address, and an unknown address costs the same slow hash as a wrong password, so neither the
 * answer nor its timing tells which addresses exist.
 */
public final class PasswordLogin {
    static final int EMAIL_MAX = 254;
    static final int PASSWORD_MAX = 1024;

    private final Transactions transactions;
    private final UserRepository users;
    private final LoginThrottle throttle;
    private final Passwords passwords;
    private final Clock clock;
    private final String decoyHash;

    public PasswordLogin(Transactions transactions, UserRepository users, LoginThrottle throttle,
            Passwords passwords, Tokens tokens, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.throttle = throttle;
        this.passwords = passwords;
        this.clock = clock;
        this.decoyHash = passwords.hash(tokens.urlSafe(16));
    }

    /** How a sign-in ended. */
    public sealed interface Outcome {
    }

    /** The password matched the user {@code userId}. */
    public record Accepted(long userId) implements Outcome {
    }

    /** Wrong address or password; deliberately not saying which. */
    public record Refused() implements Outcome {
    }

    /** Too many failures for this address or client; nothing was checked. */
    public record Throttled(Duration retryAfter) implements Outcome {
    }

    /** Checks {@code password} for {@code email}; every call counts against the limits. */
    public Outcome check(String email, String password, String clientIp) {
        Instant now = clock.instant();
        LoginThrottle.Admission admission = transactions.inTransaction(handle ->
                throttle.admit(handle, email, clientIp, now));
        if (!admission.admitted()) {
            return new Throttled(admission.retryAfter());
        }

        boolean plausible = !email.isEmpty() && email.length() <= EMAIL_MAX
                && !password.isEmpty() && password.length() <= PASSWORD_MAX;
        Optional<UserRepository.PasswordRow> row = plausible
                ? transactions.read(handle -> users.findPassword(handle, email))
                : Optional.empty();
        boolean matches = row.isPresent()
                ? passwords.matches(password, row.get().passwordHash())
                : decoy(password);
        if (!matches) {
            return new Refused();
        }

        transactions.useTransaction(handle -> throttle.forgive(handle, email, clientIp));
        return new Accepted(row.get().userId());
    }

    /** Spends the time a real check would and always fails. */
    private boolean decoy(String password) {
        passwords.matches(password.length() <= PASSWORD_MAX ? password : "", decoyHash);
        return false;
    }
}
