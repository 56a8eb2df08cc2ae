package io.bulwark.users;

import io.bulwark.crypto.Passwords;
import io.bulwark.db.Transactions;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.errors.NotFoundException;
import io.bulwark.hosting.HostCall;
import io.bulwark.web.Fields;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * The users of the Hosting API. Passwords are hashed before the write transaction opens, so the
 * slow hash never holds a database lock; uniqueness is checked early for the right message and
 * enforced by the database's unique constraint.
 */
public final class UserService {
    private final Transactions transactions;
    private final UserRepository users;
    private final UserSites sites;
    private final Passwords passwords;
    private final Clock clock;

    public UserService(Transactions transactions, UserRepository users, UserSites sites,
            Passwords passwords, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sites = sites;
        this.passwords = passwords;
        this.clock = clock;
    }

    /** A user with the figures shown beside it. */
    public record Summary(User user, long blockedAttacks, long siteCount) {
    }

    /** A user with its sites, as in {@code user/{id}/view}. */
    public record Details(Summary summary, List<UserSites.SiteRef> sites) {
    }

    public long add(HostCall call, Fields fields) {
        UserForm.Add form = UserForm.add(fields, call.provider().defaults(),
                email -> transactions.read(handle -> users.isEmailTaken(handle, email, -1)));
        String hash = passwords.hash(form.password());
        Instant now = now();
        return uniqueEmail(() -> transactions.inTransaction(handle -> {
            long id = users.insert(handle, new UserRepository.NewUser(call.providerId(),
                    form.name(), form.company(), form.email(), form.phone(), form.newsletter(),
                    hash, form.plan(), now));
            call.target("user", id);
            call.auditSuccess(handle, now);
            return id;
        }));
    }

    public Summary search(HostCall call, Fields fields) {
        String email = fields.requiredText("email", UserForm.EMAIL_MAX);
        if (!EmailAddress.isValid(email)) {
            throw new InvalidInputException("The email must be a valid email address.");
        }
        return transactions.read(handle -> {
            User user = users.findByEmail(handle, email)
                    .filter(found -> found.providerId() == call.providerId())
                    .orElseThrow(() -> new NotFoundException("No user with this email."));
            call.target("user", user.id());
            return summary(handle, user);
        });
    }

    public void edit(HostCall call, long userId, Fields fields) {
        User current = transactions.read(handle -> owned(handle, call.providerId(), userId));
        call.target("user", userId);
        UserForm.Edit edit = UserForm.edit(fields, current,
                email -> transactions.read(handle -> users.isEmailTaken(handle, email, userId)));
        Optional<String> hash = edit.password().map(passwords::hash);
        Instant now = now();
        uniqueEmail(() -> transactions.inTransaction(handle -> {
            owned(handle, call.providerId(), userId);
            users.update(handle, edit.user());
            hash.ifPresent(value -> users.updatePassword(handle, userId, value));
            call.auditSuccess(handle, now);
            return null;
        }));
    }

    public void delete(HostCall call, long userId) {
        call.target("user", userId);
        transactions.useTransaction(handle -> {
            owned(handle, call.providerId(), userId);
            sites.removeAllOf(handle, userId);
            users.delete(handle, userId);
            call.auditSuccess(handle, now());
        });
    }

    public Details view(HostCall call, long userId) {
        call.target("user", userId);
        return transactions.read(handle -> {
            User user = owned(handle, call.providerId(), userId);
            return new Details(summary(handle, user), sites.sitesOf(handle, userId));
        });
    }

    /** The user {@code userId} of the provider: 404 when none, 403 when another's. */
    public User owned(Handle handle, long providerId, long userId) {
        User user = users.find(handle, userId)
                .orElseThrow(() -> new NotFoundException("No user with id " + userId + "."));
        if (user.providerId() != providerId) {
            throw new ForbiddenException("The user " + userId
                    + " belongs to another hosting provider.");
        }
        return user;
    }

    /** The user with its counts; the portal and the site view show the same figures. */
    public Summary summary(Handle handle, User user) {
        UserRepository.Totals totals = users.totals(handle, user.id());
        return new Summary(user, totals.blockedAttacks(), totals.siteCount());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Turns a lost race for an e-mail address into the same 422 as the early check. */
    private static <T> T uniqueEmail(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (JdbiException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (message.contains("email_norm") || message.contains("users_email_norm_key")) {
                throw new InvalidInputException("The email has already been taken.");
            }
            throw e;
        }
    }
}
