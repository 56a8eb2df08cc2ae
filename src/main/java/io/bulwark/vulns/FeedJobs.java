package io.bulwark.vulns;

import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import io.bulwark.errors.ConflictException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs feed work under the cluster-wide lease {@value #LEASE}: one import or re-evaluation at a
 * time across all nodes, whether started on the command line or by the schedule.
 */
public final class FeedJobs {
    /** The {@code job_leases} row that serialises feed imports and re-evaluation. */
    public static final String LEASE = "vulnerability-feed";
    static final Duration LEASE_TTL = Duration.ofMinutes(10);

    private final JobLeases leases;
    private final FeedImporter importer;
    private final Reevaluation reevaluation;
    private final Transactions transactions;
    private final ImportRuns runs;
    private final String holder;

    /**
     * @param holder this node's name in the lease row
     */
    public FeedJobs(JobLeases leases, FeedImporter importer, Reevaluation reevaluation,
            Transactions transactions, ImportRuns runs, String holder) {
        this.leases = leases;
        this.importer = importer;
        this.reevaluation = reevaluation;
        this.transactions = transactions;
        this.runs = runs;
        this.holder = holder;
    }

    /**
     * An import and the re-evaluation it caused.
     *
     * @param summary what the import did
     * @param reevaluated what the re-evaluation that followed did
     */
    public record Outcome(ImportSummary summary, Reevaluation.Result reevaluated) {
    }

    /**
     * Imports a feed file, then re-evaluates the rows it touched.
     *
     * @throws ConflictException if another node holds the feed lease
     */
    public Outcome importFeed(FeedFormat format, InputStream input,
            FeedImporter.Options options) {
        try (JobLeases.Lease lease = acquire()) {
            ImportSummary summary = importer.run(format, input, options, lease);
            return new Outcome(summary, reevaluation.runPending(lease));
        }
    }

    /**
     * Works off queued re-evaluation when no other node is at it.
     *
     * @return what was done, or empty when another node holds the lease
     */
    public Optional<Reevaluation.Result> reevaluateIfFree() {
        Optional<JobLeases.Lease> lease = leases.tryAcquire(LEASE, holder, LEASE_TTL);
        if (lease.isEmpty()) {
            return Optional.empty();
        }
        try (JobLeases.Lease held = lease.get()) {
            return Optional.of(reevaluation.runPending(held));
        }
    }

    /**
     * Evaluates every row of every site afresh, for example after rows were stored while no
     * evaluation was wired.
     *
     * @throws ConflictException if another node holds the feed lease
     */
    public Reevaluation.Result reevaluateAll() {
        try (JobLeases.Lease lease = acquire()) {
            reevaluation.scheduleFullPass();
            return reevaluation.runPending(lease);
        }
    }

    /** Whether re-evaluation is queued. */
    public boolean hasPendingWork() {
        return reevaluation.hasWork();
    }

    /** When the newest successful import of {@code format} finished. */
    public Optional<Instant> lastSuccess(FeedFormat format) {
        return transactions.read(handle -> runs.lastSuccess(handle, format));
    }

    private JobLeases.Lease acquire() {
        return leases.tryAcquire(LEASE, holder, LEASE_TTL).orElseThrow(() ->
                new ConflictException("Another feed import or re-evaluation is running (lease '"
                        + LEASE + "' held by " + leases.describe(LEASE).orElse("another node")
                        + "); try again when it has finished"));
    }
}
