package io.bulwark.vulns;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the re-evaluation work still to do: the pass over every site after a complete import
 * ({@code vuln_sweeps}) and the slugs a feed change touched ({@code vuln_pending_slugs}). Each
 * item carries a cursor (the last site done) and a generation; marking an item again restarts
 * it, and an item is removed only if its generation is still the one that was worked on.
 */
public final class Sweeps {
    private static final String NAME = "sites";

    /** The pass over every site. */
    record Sweep(boolean evaluateRows, long generation, long afterSiteId) {
    }

    /** A slug whose rows need re-evaluation. */
    record PendingSlug(String slugKey, long generation, long afterSiteId) {
    }

    /**
     * Schedules the pass over every site, restarting one under way. With {@code evaluateRows}
     * (the first time components become known) every row is evaluated and the pending slugs are
     * dropped, as the pass covers them; otherwise only {@code vulnerabilities_as_of} moves.
     */
    void schedule(Handle handle, boolean evaluateRows) {
        boolean rows = evaluateRows || current(handle).map(Sweep::evaluateRows).orElse(false);
        if (evaluateRows) {
            handle.createUpdate("DELETE FROM vuln_pending_slugs").execute();
        }
        handle.createUpdate("INSERT INTO vuln_sweeps (name, evaluate_rows, generation, "
                        + "after_site_id) VALUES (:name, :rows, 1, 0) ON CONFLICT (name) "
                        + "DO UPDATE SET evaluate_rows = excluded.evaluate_rows, "
                        + "generation = vuln_sweeps.generation + 1, after_site_id = 0")
                .bind("name", NAME)
                .bind("rows", rows)
                .execute();
    }

    Optional<Sweep> current(Handle handle) {
        return handle.createQuery("SELECT evaluate_rows, generation, after_site_id "
                        + "FROM vuln_sweeps WHERE name = :name")
                .bind("name", NAME)
                .map((row, ctx) -> new Sweep(row.getBoolean(1), row.getLong(2), row.getLong(3)))
                .findOne();
    }

    void advance(Handle handle, Sweep sweep, long afterSiteId) {
        handle.createUpdate("UPDATE vuln_sweeps SET after_site_id = :after "
                        + "WHERE name = :name AND generation = :generation")
                .bind("after", afterSiteId)
                .bind("name", NAME)
                .bind("generation", sweep.generation())
                .execute();
    }

    void finish(Handle handle, Sweep sweep) {
        handle.createUpdate("DELETE FROM vuln_sweeps WHERE name = :name "
                        + "AND generation = :generation")
                .bind("name", NAME)
                .bind("generation", sweep.generation())
                .execute();
    }

    List<PendingSlug> pending(Handle handle, int limit) {
        return handle.createQuery("SELECT slug_key, generation, after_site_id "
                        + "FROM vuln_pending_slugs ORDER BY slug_key LIMIT :limit")
                .bind("limit", limit)
                .map((row, ctx) -> new PendingSlug(row.getString(1), row.getLong(2),
                        row.getLong(3)))
                .list();
    }

    void advance(Handle handle, PendingSlug slug, long afterSiteId) {
        handle.createUpdate("UPDATE vuln_pending_slugs SET after_site_id = :after "
                        + "WHERE slug_key = :key AND generation = :generation")
                .bind("after", afterSiteId)
                .bind("key", slug.slugKey())
                .bind("generation", slug.generation())
                .execute();
    }

    void finish(Handle handle, PendingSlug slug) {
        handle.createUpdate("DELETE FROM vuln_pending_slugs WHERE slug_key = :key "
                        + "AND generation = :generation")
                .bind("key", slug.slugKey())
                .bind("generation", slug.generation())
                .execute();
    }

    /** Whether any re-evaluation work is waiting. */
    boolean hasWork(Handle handle) {
        return handle.createQuery("SELECT (SELECT COUNT(*) FROM vuln_sweeps) "
                        + "+ (SELECT COUNT(*) FROM vuln_pending_slugs)")
                .mapTo(Long.class)
                .one() > 0;
    }

    /** Up to {@code limit} site ids after {@code afterSiteId}, in id order. */
    List<Long> sitesAfter(Handle handle, long afterSiteId, int limit) {
        return handle.createQuery("SELECT id FROM sites WHERE id > :after ORDER BY id "
                        + "LIMIT :limit")
                .bind("after", afterSiteId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }

    /** Up to {@code limit} ids of sites with rows filed under the slug, after its cursor. */
    List<Long> sitesWithSlug(Handle handle, PendingSlug slug, int limit) {
        return handle.createQuery("SELECT DISTINCT site_id FROM software_items "
                        + "WHERE vuln_slug = :key AND site_id > :after ORDER BY site_id "
                        + "LIMIT :limit")
                .bind("key", slug.slugKey())
                .bind("after", slug.afterSiteId())
                .bind("limit", limit)
                .mapTo(Long.class)
                .list();
    }
}
