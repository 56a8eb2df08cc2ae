package io.bulwark.users;

import io.bulwark.db.Times;
import io.bulwark.providers.Plan;
import io.bulwark.providers.PlanColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** SQL for users. */
public final class UserRepository {
    private static final String COLUMNS = "id, provider_id, name, company, email, phone, "
            + "newsletter, class, renew_freq, expires_at, addon_mr, addon_wl, created_at";

    /** What {@code user/add} stores. */
    public record NewUser(
            long providerId,
            String name,
            Optional<String> company,
            String email,
            Optional<String> phone,
            boolean newsletter,
            String passwordHash,
            Plan plan,
            Instant createdAt) {
    }

    public long insert(Handle handle, NewUser user) {
        Update insert = handle.createUpdate("INSERT INTO users (provider_id, name, company, "
                + "email, email_norm, phone, newsletter, password_hash, class, renew_freq, "
                + "expires_at, addon_mr, addon_wl, created_at) VALUES (:provider, :name, "
                + ":company, :email, :emailNorm, :phone, :newsletter, :hash, :class, "
                + ":renew, :expires, :mr, :wl, :now)");
        return bindProfile(insert, user.name(), user.company(), user.email(), user.phone(),
                        user.newsletter(), user.plan())
                .bind("provider", user.providerId())
                .bind("hash", user.passwordHash())
                .bind("now", user.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public Optional<User> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id)
                .map(UserRepository::map)
                .findOne();
    }

    public Optional<User> findByEmail(Handle handle, String email) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM users WHERE email_norm = :norm")
                .bind("norm", EmailAddress.normalize(email))
                .map(UserRepository::map)
                .findOne();
    }

    /** The stored password hash of the user with this e-mail, for the portal's login. */
    public Optional<PasswordRow> findPassword(Handle handle, String email) {
        return handle.createQuery("SELECT id, password_hash FROM users WHERE email_norm = :norm")
                .bind("norm", EmailAddress.normalize(email))
                .map((row, ctx) -> new PasswordRow(row.getLong("id"),
                        row.getString("password_hash")))
                .findOne();
    }

    /** A user id and its password hash. */
    public record PasswordRow(long userId, String passwordHash) {
    }

    /** Whether a user other than {@code exceptId} has this e-mail (compared lower-cased). */
    public boolean isEmailTaken(Handle handle, String email, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM users WHERE email_norm = :norm "
                        + "AND id <> :id")
                .bind("norm", EmailAddress.normalize(email))
                .bind("id", exceptId)
                .mapTo(Long.class)
                .one() > 0;
    }

    public void update(Handle handle, User user) {
        Update update = handle.createUpdate("UPDATE users SET name = :name, "
                + "company = :company, email = :email, email_norm = :emailNorm, phone = :phone, "
                + "newsletter = :newsletter, class = :class, renew_freq = :renew, "
                + "expires_at = :expires, addon_mr = :mr, addon_wl = :wl WHERE id = :id");
        bindProfile(update, user.name(), user.company(), user.email(), user.phone(),
                        user.newsletter(), user.plan())
                .bind("id", user.id())
                .execute();
    }

    private static Update bindProfile(Update statement, String name, Optional<String> company,
            String email, Optional<String> phone, boolean newsletter, Plan plan) {
        return PlanColumns.bind(statement, plan)
                .bind("name", name)
                .bind("company", company.orElse(null))
                .bind("email", email)
                .bind("emailNorm", EmailAddress.normalize(email))
                .bind("phone", phone.orElse(null))
                .bind("newsletter", newsletter);
    }

    public void updatePassword(Handle handle, long id, String passwordHash) {
        handle.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
                .bind("id", id)
                .bind("hash", passwordHash)
                .execute();
    }

    /** Deletes the user row; its sites must be gone already. */
    public void delete(Handle handle, long id) {
        handle.createUpdate("DELETE FROM users WHERE id = :id").bind("id", id).execute();
    }

    /** The user's all-time blocked requests and live site count, in one query. */
    public Totals totals(Handle handle, long userId) {
        return handle.createQuery("SELECT (SELECT COALESCE(SUM(d.num), 0) FROM attack_days d "
                        + "JOIN sites s ON s.id = d.site_id WHERE s.user_id = :user) AS attacks, "
                        + "(SELECT COUNT(*) FROM sites WHERE user_id = :user) AS sites")
                .bind("user", userId)
                .map((row, ctx) -> new Totals(row.getLong("attacks"), row.getLong("sites")))
                .one();
    }

    /** Figures over a user's live sites. */
    public record Totals(long blockedAttacks, long siteCount) {
    }

    private static User map(ResultSet row, StatementContext context) throws SQLException {
        long expires = row.getLong("expires_at");
        Optional<Instant> expiresAt = row.wasNull() ? Optional.empty()
                : Optional.of(Times.fromMicros(expires));
        Plan plan = new Plan(row.getString("class"), row.getString("renew_freq"), expiresAt,
                row.getBoolean("addon_mr"), row.getBoolean("addon_wl"));
        return new User(row.getLong("id"), row.getLong("provider_id"), row.getString("name"),
                Optional.ofNullable(row.getString("company")), row.getString("email"),
                Optional.ofNullable(row.getString("phone")), row.getBoolean("newsletter"), plan,
                Times.fromMicros(row.getLong("created_at")));
    }
}
