package io.bulwark.pluginzip;

import io.bulwark.crypto.Tokens;
import io.bulwark.db.Times;
import io.bulwark.db.Transactions;
import io.bulwark.errors.InvalidInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The plugin templates in the database (so every node serves the same bytes) and the per-site
 * zips made from the newest one. Every import is kept with its version, hash and time.
 */
public final class PluginZips {
    private final Transactions transactions;
    private final String publicBase;
    private final Clock clock;

    public PluginZips(Transactions transactions, String publicBase, Clock clock) {
        this.transactions = transactions;
        this.publicBase = publicBase;
        this.clock = clock;
    }

    /** One stored import. */
    public record Imported(long id, String version, String sha256, long sizeBytes,
            Instant importedAt) {
    }

    /** Stores a template; throws {@link IllegalArgumentException} when it is unusable. */
    public Imported importZip(byte[] zip) {
        PluginTemplate template = PluginTemplate.of(zip);
        String sha256 = Tokens.sha256Hex(zip);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        long id = transactions.inTransaction(handle -> handle
                .createUpdate("INSERT INTO plugin_templates (version, sha256, size_bytes, content, "
                        + "imported_at) VALUES (:version, :sha, :size, :content, :now)")
                .bind("version", template.version())
                .bind("sha", sha256)
                .bind("size", (long) zip.length)
                .bind("content", zip)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new Imported(id, template.version(), sha256, zip.length, now);
    }

    public List<Imported> list() {
        return transactions.read(handle -> handle
                .createQuery("SELECT id, version, sha256, size_bytes, imported_at "
                        + "FROM plugin_templates ORDER BY imported_at, id")
                .map((row, ctx) -> new Imported(row.getLong("id"), row.getString("version"),
                        row.getString("sha256"), row.getLong("size_bytes"),
                        Times.fromMicros(row.getLong("imported_at"))))
                .list());
    }

    /** The newest template; a 422 naming the import command when there is none. */
    public PluginTemplate active() {
        Optional<byte[]> content = transactions.read(handle -> handle
                .createQuery("SELECT content FROM plugin_templates "
                        + "ORDER BY imported_at DESC, id DESC LIMIT 1")
                .mapTo(byte[].class)
                .findOne());
        return PluginTemplate.of(content.orElseThrow(() -> new InvalidInputException(
                "No plugin template has been imported; the operator must run "
                        + "'bulwark plugin import FILE.zip' first.")));
    }

    /** Writes the zip of the site with these credentials. */
    public void write(PluginTemplate template, OutputStream out, long clientId, String secret)
            throws IOException {
        template.writeFor(out, clientId, secret, publicBase);
    }
}
