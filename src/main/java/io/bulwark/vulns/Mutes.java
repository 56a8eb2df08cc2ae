package io.bulwark.vulns;

import io.bulwark.db.Times;
import io.bulwark.db.Transactions;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.errors.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Operator mutes: a muted record stays stored and its matches stay visible, marked muted, but
 * it raises no row to {@code vulnerable} on any site (vulnerabilities.md §4). Muting and
 * unmuting queue the record's slugs for re-evaluation.
 */
public final class Mutes {
    private final Transactions transactions;
    private final FeedStore store;
    private final Clock clock;

    public Mutes(Transactions transactions, FeedStore store, Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.clock = clock;
    }

    /**
     * One mute.
     *
     * @param source the record's feed
     * @param recordId the record's id there
     * @param reason why the operator muted it
     * @param mutedAt when
     * @param title the record's current title, or empty when it is no longer stored
     */
    public record Mute(FeedFormat source, String recordId, String reason, Instant mutedAt,
            String title) {
        public Mute {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(mutedAt, "mutedAt");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * Mutes the stored record {@code recordId}, or changes the reason of its mute.
     *
     * @param source the feed, when the id alone is ambiguous
     * @throws InvalidInputException if the reason is blank or the id is in both feeds
     * @throws NotFoundException if no stored record has the id
     */
    public Mute mute(String recordId, Optional<FeedFormat> source, String reason) {
        if (reason.isBlank()) {
            throw new InvalidInputException("A mute needs a reason (--reason TEXT)");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTransaction(handle -> {
            FeedFormat feed = storedSource(handle, recordId, source);
            handle.createUpdate("INSERT INTO vuln_mutes (source, record_id, reason, muted_at) "
                            + "VALUES (:source, :id, :reason, :now) "
                            + "ON CONFLICT (source, record_id) DO UPDATE SET "
                            + "reason = excluded.reason, muted_at = excluded.muted_at")
                    .bind("source", feed.label())
                    .bind("id", recordId)
                    .bind("reason", reason.trim())
                    .bind("now", now)
                    .execute();
            store.markPending(handle, store.storedSlugKeys(handle, feed, List.of(recordId)));
            return list(handle).stream()
                    .filter(mute -> mute.source() == feed && mute.recordId().equals(recordId))
                    .findFirst()
                    .orElseThrow();
        });
    }

    /**
     * Lifts the mute of {@code recordId}.
     *
     * @throws NotFoundException if the record is not muted
     */
    public void unmute(String recordId, Optional<FeedFormat> source) {
        transactions.useTransaction(handle -> {
            List<Mute> mutes = list(handle).stream()
                    .filter(mute -> mute.recordId().equals(recordId)
                            && source.map(feed -> feed == mute.source()).orElse(true))
                    .toList();
            if (mutes.isEmpty()) {
                throw new NotFoundException("No muted record with id '" + recordId + "'");
            }
            for (Mute mute : mutes) {
                handle.createUpdate("DELETE FROM vuln_mutes WHERE source = :source "
                                + "AND record_id = :id")
                        .bind("source", mute.source().label())
                        .bind("id", recordId)
                        .execute();
                store.markPending(handle, store.storedSlugKeys(handle, mute.source(),
                        List.of(recordId)));
            }
        });
    }

    /** Every mute, newest first. */
    public List<Mute> list() {
        return transactions.read(this::list);
    }

    private List<Mute> list(Handle handle) {
        return handle.createQuery("SELECT m.source, m.record_id, m.reason, m.muted_at, r.title "
                        + "FROM vuln_mutes m LEFT JOIN vuln_records r ON r.source = m.source "
                        + "AND r.record_id = m.record_id ORDER BY m.muted_at DESC, m.record_id")
                .map((row, ctx) -> new Mute(FeedFormat.of(row.getString(1)), row.getString(2),
                        row.getString(3), Times.fromMicros(row.getLong(4)),
                        row.getString(5) == null ? "" : row.getString(5)))
                .list();
    }

    private static FeedFormat storedSource(Handle handle, String recordId,
            Optional<FeedFormat> source) {
        List<FeedFormat> feeds = handle.createQuery("SELECT source FROM vuln_records "
                        + "WHERE record_id = :id ORDER BY source")
                .bind("id", recordId)
                .map((row, ctx) -> FeedFormat.of(row.getString(1)))
                .list()
                .stream()
                .filter(feed -> source.map(wanted -> wanted == feed).orElse(true))
                .toList();
        if (feeds.isEmpty()) {
            throw new NotFoundException("No vulnerability record with id '" + recordId + "'"
                    + source.map(feed -> " in the " + feed.label() + " feed").orElse(""));
        }
        if (feeds.size() > 1) {
            throw new InvalidInputException("The id '" + recordId + "' names a record in both "
                    + "feeds; say which with --source wordfence or --source patchstack");
        }
        return feeds.get(0);
    }
}
