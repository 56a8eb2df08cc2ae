package io.bulwark.portal;

import io.bulwark.crypto.Passwords;
import io.bulwark.db.Transactions;
import io.bulwark.login.Sessions;
import io.bulwark.users.UserRepository;
import java.util.Optional;

/**
 * A customer changing their own password. The current password is checked like a sign-in, with
 * the same failure limits, so a borrowed session cannot be used to guess it; after the change
 * every other session of the customer ends.
 */
public final class PasswordChange {
    static final int MIN_LENGTH = 6;
    static final int MAX_LENGTH = 1024;

    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordLogin passwordLogin;
    private final Passwords passwords;
    private final Sessions sessions;

    public PasswordChange(Transactions transactions, UserRepository users,
            PasswordLogin passwordLogin, Passwords passwords, Sessions sessions) {
        this.transactions = transactions;
        this.users = users;
        this.passwordLogin = passwordLogin;
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** Why a change was refused, and the status to answer with. */
    record Rejection(int status, String message) {
    }

    /** Changes the password; empty on success, else why not. Nothing changes on a rejection. */
    Optional<Rejection> change(Viewer viewer, Form form, String clientIp, String sessionCookie) {
        int length = form.newPassword().codePointCount(0, form.newPassword().length());
        if (length < MIN_LENGTH) {
            return rejected(422, "The new password must be at least " + MIN_LENGTH
                    + " characters.");
        }
        if (length > MAX_LENGTH) {
            return rejected(422, "The new password must not be longer than " + MAX_LENGTH
                    + " characters.");
        }
        if (!form.newPassword().equals(form.confirmation())) {
            return rejected(422, "The new password and its confirmation do not match.");
        }

        PasswordLogin.Outcome outcome = passwordLogin.check(viewer.email(),
                form.currentPassword(), clientIp);
        if (outcome instanceof PasswordLogin.Throttled throttled) {
            long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
            return rejected(429, "Too many wrong passwords. Try again in "
                    + TimeText.plural(minutes, "minute") + ".");
        }
        if (!(outcome instanceof PasswordLogin.Accepted accepted)
                || accepted.userId() != viewer.userId()) {
            return rejected(422, "The current password is incorrect.");
        }

        String hash = passwords.hash(form.newPassword());
        transactions.useTransaction(handle -> {
            users.updatePassword(handle, viewer.userId(), hash);
            sessions.closeOthers(handle, viewer.userId(), sessionCookie);
        });
        return Optional.empty();
    }

    /** The three fields of the form, taken as typed (passwords are never trimmed). */
    record Form(String currentPassword, String newPassword, String confirmation) {
    }

    private static Optional<Rejection> rejected(int status, String message) {
        return Optional.of(new Rejection(status, message));
    }
}
