package io.bulwark.providers;

import io.bulwark.db.Times;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** SQL for providers and their host tokens. */
public final class ProviderRepository {
    private static final String COLUMNS = "p.id, p.name, p.created_at, p.revoked_at, "
            + "p.default_class, p.default_renew_freq, p.default_expires_at, p.default_addon_mr, "
            + "p.default_addon_wl";

    public long insert(Handle handle, String name, Plan plan, Instant now) {
        Update insert = handle.createUpdate("INSERT INTO providers (name, created_at, "
                + "default_class, default_renew_freq, default_expires_at, default_addon_mr, "
                + "default_addon_wl) VALUES (:name, :now, :class, :renew, :expires, :mr, :wl)");
        return PlanColumns.bind(insert, plan)
                .bind("name", name)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public void insertToken(Handle handle, long providerId, String tokenHash, String prefix,
            Instant now) {
        handle.createUpdate("INSERT INTO provider_tokens (token_hash, provider_id, token_prefix, "
                        + "created_at) VALUES (:hash, :provider, :prefix, :now)")
                .bind("hash", tokenHash)
                .bind("provider", providerId)
                .bind("prefix", prefix)
                .bind("now", now)
                .execute();
    }

    public Optional<Provider> findByTokenHash(Handle handle, String tokenHash) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM provider_tokens t "
                        + "JOIN providers p ON p.id = t.provider_id WHERE t.token_hash = :hash")
                .bind("hash", tokenHash)
                .map(ProviderRepository::map)
                .findOne();
    }

    public Optional<Provider> find(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM providers p WHERE p.id = :id")
                .bind("id", id)
                .map(ProviderRepository::map)
                .findOne();
    }

    public List<Provider> list(Handle handle) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM providers p ORDER BY p.id")
                .map(ProviderRepository::map)
                .list();
    }

    public boolean revoke(Handle handle, long id, Instant now) {
        return handle.createUpdate("UPDATE providers SET revoked_at = :now "
                        + "WHERE id = :id AND revoked_at IS NULL")
                .bind("id", id)
                .bind("now", now)
                .execute() == 1;
    }

    /** Drops every token of the provider and lifts a revocation. */
    public void resetTokens(Handle handle, long id) {
        handle.createUpdate("DELETE FROM provider_tokens WHERE provider_id = :id")
                .bind("id", id)
                .execute();
        handle.createUpdate("UPDATE providers SET revoked_at = NULL WHERE id = :id")
                .bind("id", id)
                .execute();
    }

    public void updateDefaults(Handle handle, long id, Plan plan) {
        Update update = handle.createUpdate("UPDATE providers SET default_class = :class, "
                + "default_renew_freq = :renew, default_expires_at = :expires, "
                + "default_addon_mr = :mr, default_addon_wl = :wl WHERE id = :id");
        PlanColumns.bind(update, plan).bind("id", id).execute();
    }

    private static Provider map(ResultSet row, StatementContext context) throws SQLException {
        long expires = row.getLong("default_expires_at");
        Optional<Instant> expiresAt = row.wasNull() ? Optional.empty()
                : Optional.of(Times.fromMicros(expires));
        long revoked = row.getLong("revoked_at");
        Optional<Instant> revokedAt = row.wasNull() ? Optional.empty()
                : Optional.of(Times.fromMicros(revoked));
        Plan plan = new Plan(row.getString("default_class"), row.getString("default_renew_freq"),
                expiresAt, row.getBoolean("default_addon_mr"), row.getBoolean("default_addon_wl"));
        return new Provider(row.getLong("id"), row.getString("name"),
                Times.fromMicros(row.getLong("created_at")), revokedAt, plan);
    }
}
