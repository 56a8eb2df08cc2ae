package io.bulwark.vulns;

import io.bulwark.db.Times;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * SQL for the import log. A run is {@code running} until it ends as {@code succeeded} or
 * {@code failed}; one left {@code running} by a crashed process is marked {@code abandoned} by
 * the next import, which holds the feed lease and so knows that no other run is live.
 */
public final class ImportRuns {
    /** The counters of a finished run. */
    record Counts(long read, long added, long changed, long skipped, long pruned) {
    }

    long start(Handle handle, FeedFormat source, boolean declaredComplete, Instant now) {
        handle.createUpdate("UPDATE vuln_import_runs SET status = 'abandoned', "
                        + "finished_at = :now WHERE source = :source AND status = 'running'")
                .bind("source", source.label())
                .bind("now", now)
                .execute();
        return handle.createUpdate("INSERT INTO vuln_import_runs (source, declared_complete, "
                        + "status, started_at, records_read, records_added, records_changed, "
                        + "records_skipped, records_pruned) VALUES (:source, :complete, "
                        + "'running', :now, 0, 0, 0, 0, 0)")
                .bind("source", source.label())
                .bind("complete", declaredComplete)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    void finish(Handle handle, long runId, boolean succeeded, Counts counts, String problem,
            Instant now) {
        handle.createUpdate("UPDATE vuln_import_runs SET status = :status, finished_at = :now, "
                        + "records_read = :read, records_added = :added, "
                        + "records_changed = :changed, records_skipped = :skipped, "
                        + "records_pruned = :pruned, problem = :problem WHERE id = :id")
                .bind("id", runId)
                .bind("status", succeeded ? "succeeded" : "failed")
                .bind("now", now)
                .bind("read", counts.read())
                .bind("added", counts.added())
                .bind("changed", counts.changed())
                .bind("skipped", counts.skipped())
                .bind("pruned", counts.pruned())
                .bind("problem", problem.isEmpty() ? null : problem)
                .execute();
    }

    /**
     * When the newest complete Wordfence import finished: from then on plugins, themes and core
     * with no record are known to have no known vulnerability (vulnerabilities.md §4).
     */
    Optional<Instant> knownAsOf(Handle handle) {
        return handle.createQuery("SELECT MAX(finished_at) FROM vuln_import_runs "
                        + "WHERE source = :source AND status = 'succeeded' "
                        + "AND declared_complete = :complete")
                .bind("source", FeedFormat.WORDFENCE.label())
                .bind("complete", true)
                .map((row, ctx) -> {
                    long micros = row.getLong(1);
                    return row.wasNull() ? null : Times.fromMicros(micros);
                })
                .findOne();
    }

    /** When the newest successful import of {@code source} finished. */
    Optional<Instant> lastSuccess(Handle handle, FeedFormat source) {
        return handle.createQuery("SELECT MAX(finished_at) FROM vuln_import_runs "
                        + "WHERE source = :source AND status = 'succeeded'")
                .bind("source", source.label())
                .map((row, ctx) -> {
                    long micros = row.getLong(1);
                    return row.wasNull() ? null : Times.fromMicros(micros);
                })
                .findOne();
    }
}
