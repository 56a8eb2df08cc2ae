package io.bulwark.vulns;

import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import io.bulwark.errors.InvalidInputException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Imports one feed file into the record tables.
 *
 * <p>Design note. Records stream from {@link FeedParser} and are committed in chunks of
 * {@value #CHUNK}, each chunk one transaction that also renews the feed lease, so plugin uploads
 * are never queued behind one long write and a node that lost the lease commits nothing more. A
 * record and all its software entries are written in the same transaction, so a record is never
 * half-updated. A record whose content hash is unchanged is not written at all; a changed or new
 * one queues its old and new slugs for re-evaluation in the same transaction. Pruning happens
 * only after the whole file parsed, only when asked, and only when the file holds at least half
 * of the stored records of its source (vulnerabilities.md §6). A complete Wordfence import that
 * parsed to its end makes components known and schedules the pass over every site.
 */
public final class FeedImporter {
    static final int CHUNK = 1000;

    private final Transactions transactions;
    private final FeedParser parser;
    private final FeedStore store;
    private final ImportRuns runs;
    private final Sweeps sweeps;
    private final EntryCodec codec;
    private final Clock clock;

    public FeedImporter(Transactions transactions, FeedParser parser, FeedStore store,
            ImportRuns runs, Sweeps sweeps, EntryCodec codec, Clock clock) {
        this.transactions = transactions;
        this.parser = parser;
        this.store = store;
        this.runs = runs;
        this.sweeps = sweeps;
        this.codec = codec;
        this.clock = clock;
    }

    /** What the operator said about the file. */
    public record Options(boolean complete, boolean prune) {
    }

    /**
     * Imports {@code input} to its end or to the first fault of the file.
     *
     * @param lease the held feed lease, renewed with every chunk
     * @throws InvalidInputException if {@code complete} is asked for a Patchstack file
     */
    public ImportSummary run(FeedFormat format, InputStream input, Options options,
            JobLeases.Lease lease) {
        if (options.complete() && format != FeedFormat.WORDFENCE) {
            throw new InvalidInputException("--complete applies to --format wordfence only: "
                    + "only a complete Wordfence import makes components known");
        }
        long runId = transactions.inTransaction(handle -> runs.start(handle, format,
                options.complete(), now()));
        Progress progress = new Progress(format, lease);

        String problem = "";
        try {
            parser.read(format, input, progress::accept);
        } catch (InvalidInputException e) {
            problem = e.getMessage();
        } finally {
            progress.flush();
        }

        List<String> stored = transactions.read(handle -> store.recordIds(handle, format));
        if (problem.isEmpty() && options.complete()) {
            problem = notTheWholeFeed(progress, stored.size());
        }
        long pruned = 0;
        String pruneNote = "";
        if (problem.isEmpty() && options.prune()) {
            if (progress.seen.size() * 2L < stored.size()) {
                pruneNote = "the file holds " + progress.seen.size() + " records, fewer than "
                        + "half of the " + stored.size() + " stored, so nothing was deleted";
            } else {
                pruned = prune(format, stored, progress.seen, lease);
            }
        } else if (options.prune()) {
            pruneNote = "the file was not read to its end or is not the whole feed, so nothing "
                    + "was deleted";
        }
        boolean complete = problem.isEmpty() && options.complete();
        finish(runId, progress, pruned, problem, complete);
        return new ImportSummary(format, progress.read, progress.added, progress.changed,
                progress.unchanged, progress.rejected, progress.examples, pruned, pruneNote,
                problem, complete);
    }

    /**
     * Why a file said to be the whole feed does not look like it, or "": an empty file or an
     * error body (no valid record, or more rejected than valid ones), or one holding fewer
     * than half of the stored records, must never make every component read "clean".
     */
    private static String notTheWholeFeed(Progress progress, long storedCount) {
        long valid = progress.read - progress.rejected;
        if (valid == 0 || progress.rejected > valid || valid * 2 < storedCount) {
            return "the file holds " + valid + " valid and " + progress.rejected
                    + " rejected records against " + storedCount + " stored, which is not "
                    + "the whole feed";
        }
        return "";
    }

    private void finish(long runId, Progress progress, long pruned, String problem,
            boolean complete) {
        ImportRuns.Counts counts = new ImportRuns.Counts(progress.read, progress.added,
                progress.changed, progress.rejected, pruned);
        transactions.useTransaction(handle -> {
            boolean wasKnown = runs.knownAsOf(handle).isPresent();
            runs.finish(handle, runId, problem.isEmpty(), counts, problem, now());
            if (complete) {
                sweeps.schedule(handle, !wasKnown);
            }
        });
    }

    /** Deletes the stored records the file does not hold, a chunk per transaction. */
    private long prune(FeedFormat format, List<String> stored, Set<String> seen,
            JobLeases.Lease lease) {
        List<String> missing = stored.stream().filter(id -> !seen.contains(id)).toList();
        for (List<String> part : FeedStore.partition(missing)) {
            transactions.useTransaction(handle -> {
                lease.renew(handle);
                Set<String> keys = store.storedSlugKeys(handle, format, part);
                store.delete(handle, format, part);
                store.markPending(handle, keys);
            });
        }
        return missing.size();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Counts, examples and the chunk being filled; records are committed as it fills. */
    private final class Progress {
        private final FeedFormat format;
        private final JobLeases.Lease lease;
        private final Set<String> seen = new HashSet<>();
        private final Map<String, FeedRecord> chunk = new LinkedHashMap<>();
        private final List<FeedItem.Rejected> examples = new ArrayList<>();
        private long read;
        private long added;
        private long changed;
        private long unchanged;
        private long rejected;

        Progress(FeedFormat format, JobLeases.Lease lease) {
            this.format = format;
            this.lease = lease;
        }

        void accept(FeedItem item) {
            read++;
            seen.add(item.recordId());
            switch (item) {
                case FeedItem.Accepted accepted -> {
                    chunk.remove(accepted.recordId());
                    chunk.put(accepted.recordId(), accepted.record());
                    if (chunk.size() >= CHUNK) {
                        flush();
                    }
                }
                case FeedItem.Rejected rejection -> {
                    // LIMITATION: a rejected record keeps its previously stored version, if
                    // any, but a record never stored before is simply missing, so after a
                    // complete import its component reads not_vulnerable although the feed
                    // names a vulnerability. The scanner would refuse the whole file instead;
                    // the summary lists the rejected ids so the operator notices.
                    rejected++;
                    if (examples.size() < ImportSummary.EXAMPLES) {
                        examples.add(rejection);
                    }
                }
            }
        }

        void flush() {
            if (chunk.isEmpty()) {
                return;
            }
            List<FeedRecord> records = List.copyOf(chunk.values());
            chunk.clear();
            Map<String, String> hashes = new LinkedHashMap<>();
            for (FeedRecord record : records) {
                hashes.put(record.recordId(), codec.contentHash(record));
            }
            long[] outcome = transactions.inTransaction(handle -> {
                lease.renew(handle);
                Map<String, String> stored = store.hashes(handle, format, hashes.keySet());
                List<FeedRecord> writes = records.stream()
                        .filter(record -> !hashes.get(record.recordId())
                                .equals(stored.get(record.recordId())))
                        .toList();
                List<String> existing = writes.stream().map(FeedRecord::recordId)
                        .filter(stored::containsKey).toList();
                Set<String> keys = new TreeSet<>(store.storedSlugKeys(handle, format, existing));
                writes.forEach(record -> record.entries()
                        .forEach(entry -> keys.add(FeedStore.slugKey(entry.slug()))));
                store.upsert(handle, writes, hashes, now());
                store.markPending(handle, keys);
                return new long[] {writes.size() - existing.size(), existing.size()};
            });
            added += outcome[0];
            changed += outcome[1];
            unchanged += records.size() - outcome[0] - outcome[1];
        }
    }
}
