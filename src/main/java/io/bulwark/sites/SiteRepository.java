package io.bulwark.sites;

import io.bulwark.db.Times;
import io.bulwark.users.UserSites;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for sites and their plugin credentials. */
public final class SiteRepository {
    private static final String SELECT = "SELECT s.id, s.provider_id, s.user_id, s.url, "
            + "s.normalized_url, s.created_at, s.vulnerabilities_as_of, c.id AS credential_id, "
            + "c.secret_ciphertext "
            + "FROM sites s JOIN plugin_credentials c ON c.site_id = s.id ";

    public long insertSite(Handle handle, long providerId, long userId, String url,
            String normalizedUrl, Instant now) {
        return handle.createUpdate("INSERT INTO sites (provider_id, user_id, url, normalized_url, "
                        + "created_at) VALUES (:provider, :user, :url, :norm, :now)")
                .bind("provider", providerId)
                .bind("user", userId)
                .bind("url", url)
                .bind("norm", normalizedUrl)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /** Creates the credential row; its secret is written next, once its id is known. */
    public long insertCredential(Handle handle, long siteId, Instant now) {
        return handle.createUpdate("INSERT INTO plugin_credentials (site_id, secret_ciphertext, "
                        + "created_at) VALUES (:site, '', :now)")
                .bind("site", siteId)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    public void setSecret(Handle handle, long credentialId, String ciphertext) {
        handle.createUpdate("UPDATE plugin_credentials SET secret_ciphertext = :secret "
                        + "WHERE id = :id")
                .bind("id", credentialId)
                .bind("secret", ciphertext)
                .execute();
    }

    public Optional<Site> find(Handle handle, long id) {
        return handle.createQuery(SELECT + "WHERE s.id = :id")
                .bind("id", id)
                .map(SiteRepository::map)
                .findOne();
    }

    /** The site whose plugin credential is {@code credentialId}. */
    public Optional<Site> findByCredential(Handle handle, long credentialId) {
        return handle.createQuery(SELECT + "WHERE c.id = :credential")
                .bind("credential", credentialId)
                .map(SiteRepository::map)
                .findOne();
    }

    public Optional<Site> findByNormalizedUrl(Handle handle, long providerId, String norm) {
        return handle.createQuery(SELECT + "WHERE s.provider_id = :provider "
                        + "AND s.normalized_url = :norm")
                .bind("provider", providerId)
                .bind("norm", norm)
                .map(SiteRepository::map)
                .findOne();
    }

    /** Whether any provider has a live site with this normal form. */
    public boolean existsAnywhere(Handle handle, String norm) {
        return handle.createQuery("SELECT COUNT(*) FROM sites WHERE normalized_url = :norm")
                .bind("norm", norm)
                .mapTo(Long.class)
                .one() > 0;
    }

    public void updateUrl(Handle handle, long id, String url, String norm) {
        handle.createUpdate("UPDATE sites SET url = :url, normalized_url = :norm WHERE id = :id")
                .bind("id", id)
                .bind("url", url)
                .bind("norm", norm)
                .execute();
    }

    public List<UserSites.SiteRef> listByUser(Handle handle, long userId) {
        return handle.createQuery("SELECT id, url FROM sites WHERE user_id = :user ORDER BY id")
                .bind("user", userId)
                .map((row, ctx) -> new UserSites.SiteRef(row.getLong("id"), row.getString("url")))
                .list();
    }

    /**
     * Deletes a site and, through its cascading keys, everything attached; the credential id
     * is kept as a tombstone so the plugin is told to disconnect.
     */
    public void delete(Handle handle, long siteId, Instant now) {
        handle.createUpdate("INSERT INTO credential_tombstones (credential_id, removed_at) "
                        + "SELECT id, :now FROM plugin_credentials WHERE site_id = :site")
                .bind("site", siteId)
                .bind("now", now)
                .execute();
        handle.createUpdate("DELETE FROM sites WHERE id = :site").bind("site", siteId).execute();
    }

    private static Site map(ResultSet row, StatementContext context) throws SQLException {
        long asOf = row.getLong("vulnerabilities_as_of");
        Optional<Instant> vulnerabilitiesAsOf = row.wasNull() ? Optional.empty()
                : Optional.of(Times.fromMicros(asOf));
        return new Site(row.getLong("id"), row.getLong("provider_id"), row.getLong("user_id"),
                row.getString("url"), row.getString("normalized_url"),
                Times.fromMicros(row.getLong("created_at")), row.getLong("credential_id"),
                row.getString("secret_ciphertext"), vulnerabilitiesAsOf);
    }
}
