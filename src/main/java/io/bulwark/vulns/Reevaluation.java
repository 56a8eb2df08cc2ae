package io.bulwark.vulns;

import io.bulwark.db.JobLeases;
import io.bulwark.db.Locks;
import io.bulwark.db.Transactions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Works off the re-evaluation queued by feed changes and mutes (vulnerabilities.md §7): first
 * the pass over every site after a complete import, then the pending slugs, each in short
 * transactions that lock the sites they touch, renew the feed lease and move a cursor, so a
 * crash loses at most one batch and the next holder of the lease resumes where it stopped.
 */
public final class Reevaluation {
    static final int SWEEP_SITES = 200;
    static final int SLUG_SITES = 500;
    static final int SLUGS_PER_STEP = 200;

    private final Transactions transactions;
    private final Sweeps sweeps;
    private final ImportRuns runs;
    private final EvaluationStore store;
    private final VulnerabilityEvaluation evaluation;

    public Reevaluation(Transactions transactions, Sweeps sweeps, ImportRuns runs,
            EvaluationStore store, VulnerabilityEvaluation evaluation) {
        this.transactions = transactions;
        this.sweeps = sweeps;
        this.runs = runs;
        this.store = store;
        this.evaluation = evaluation;
    }

    /**
     * What a run did.
     *
     * @param sites site visits (a site is counted once per batch that touched it)
     * @param rows software rows evaluated
     */
    public record Result(long sites, long rows) {
        Result plus(Step step) {
            return new Result(sites + step.sites(), rows + step.rows());
        }
    }

    private record Step(boolean more, int sites, int rows) {
    }

    /** Whether any re-evaluation is waiting. */
    public boolean hasWork() {
        return transactions.read(sweeps::hasWork);
    }

    /**
     * Queues a pass that evaluates every row of every site, replacing the queued slugs it
     * covers.
     */
    public void scheduleFullPass() {
        transactions.useTransaction(handle -> sweeps.schedule(handle, true));
    }

    /** Works off everything queued; the caller holds the feed lease. */
    public Result runPending(JobLeases.Lease lease) {
        Result result = new Result(0, 0);
        EvaluationCache cache = new EvaluationCache();
        for (Step step = sweepStep(lease, cache); step.more(); step = sweepStep(lease, cache)) {
            result = result.plus(step);
        }
        for (Step step = slugStep(lease); step.more(); step = slugStep(lease)) {
            result = result.plus(step);
        }
        return result;
    }

    /**
     * One batch of the pass over every site. The cache lives for the whole pass: records change
     * only under the lease this pass holds, and a mute made meanwhile queues its slugs, which
     * the slug steps after the pass evaluate with a fresh cache.
     */
    private Step sweepStep(JobLeases.Lease lease, EvaluationCache cache) {
        return transactions.inTransaction(handle -> {
            lease.renew(handle);
            Optional<Sweeps.Sweep> sweep = sweeps.current(handle);
            if (sweep.isEmpty()) {
                return new Step(false, 0, 0);
            }
            List<Long> siteIds = sweeps.sitesAfter(handle, sweep.get().afterSiteId(),
                    SWEEP_SITES);
            if (siteIds.isEmpty()) {
                sweeps.finish(handle, sweep.get());
                return new Step(true, 0, 0);
            }

            Optional<Instant> knownAsOf = runs.knownAsOf(handle);
            int rows = 0;
            if (sweep.get().evaluateRows()) {
                lockAll(handle, siteIds);
                rows = evaluation.evaluate(handle, siteIds, "", knownAsOf.isPresent(), cache);
            }
            store.setAsOf(handle, siteIds, knownAsOf.orElse(null), true);
            sweeps.advance(handle, sweep.get(), siteIds.get(siteIds.size() - 1));
            return new Step(true, siteIds.size(), rows);
        });
    }

    private Step slugStep(JobLeases.Lease lease) {
        return transactions.inTransaction(handle -> {
            lease.renew(handle);
            List<Sweeps.PendingSlug> pending = sweeps.pending(handle, SLUGS_PER_STEP);
            if (pending.isEmpty()) {
                return new Step(false, 0, 0);
            }

            boolean known = runs.knownAsOf(handle).isPresent();
            int budget = SLUG_SITES;
            int sites = 0;
            int rows = 0;
            for (Sweeps.PendingSlug slug : pending) {
                if (budget <= 0) {
                    break;
                }
                List<Long> siteIds = sweeps.sitesWithSlug(handle, slug, budget);
                lockAll(handle, siteIds);
                rows += evaluation.evaluate(handle, siteIds, slug.slugKey(), known,
                        new EvaluationCache());
                sites += siteIds.size();
                if (siteIds.size() < budget) {
                    sweeps.finish(handle, slug);
                } else {
                    sweeps.advance(handle, slug, siteIds.get(siteIds.size() - 1));
                }
                budget -= Math.max(1, siteIds.size());
            }
            return new Step(true, sites, rows);
        });
    }

    private static void lockAll(Handle handle, List<Long> siteIds) {
        siteIds.forEach(siteId -> Locks.lockSite(handle, siteId));
    }
}
