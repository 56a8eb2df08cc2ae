package io.bulwark.plugin.logs;

import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes raw firewall and activity records older than the retention period, and expired
 * plugin tokens, site by site in short transactions. The per-day attack totals are kept.
 *
 * <p>Cluster-safe through a lease ({@link JobLeases}): each node runs the job on its own
 * schedule, but only the node holding the unexpired lease does the work, renewing it with every
 * site's transaction.
 */
public final class LogRetention implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);
    private static final String LEASE = "plugin-log-retention";
    private static final Duration LEASE_TIME = Duration.ofMinutes(30);
    /** Tokens stay acceptable five minutes past expiry; keep them a little longer. */
    private static final Duration TOKEN_SLACK = Duration.ofMinutes(10);

    private final Transactions transactions;
    private final AttackRepository attacks;
    private final ActivityRepository activity;
    private final Duration retention;
    private final Clock clock;
    private final String holder = UUID.randomUUID().toString();
    private final JobLeases leases;
    private ScheduledExecutorService scheduler;

    public LogRetention(Transactions transactions, JobLeases leases, Duration retention,
            Clock clock) {
        this.transactions = transactions;
        this.leases = leases;
        this.attacks = new AttackRepository();
        this.activity = new ActivityRepository();
        this.retention = retention;
        this.clock = clock;
    }

    /** Runs {@link #runOnce()} every {@code interval}, first after one interval. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual()
                .name("log-retention").factory());
        scheduler.scheduleWithFixedDelay(this::runLogged, interval.toMillis(),
                interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Purges every site if this node gets the lease.
     *
     * @return the number of records deleted, or -1 when another node holds the lease
     */
    public long runOnce() {
        Instant now = now();
        Optional<JobLeases.Lease> lease = leases.tryAcquire(LEASE, holder, LEASE_TIME);
        if (lease.isEmpty()) {
            return -1;
        }
        try (JobLeases.Lease held = lease.get()) {
            Instant cutoff = now.minus(retention);
            long deleted = 0;
            List<Long> siteIds = transactions.read(handle -> handle
                    .createQuery("SELECT id FROM sites ORDER BY id").mapTo(Long.class).list());
            for (long siteId : siteIds) {
                deleted += transactions.inTransaction(handle -> {
                    held.renew(handle);
                    return purge(handle, siteId, cutoff, now.minus(TOKEN_SLACK));
                });
            }
            return deleted;
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    private void runLogged() {
        try {
            long deleted = runOnce();
            if (deleted > 0) {
                LOG.info("Deleted {} firewall and activity records older than {} days", deleted,
                        retention.toDays());
            }
        } catch (RuntimeException e) {
            LOG.error("The log retention job failed; it runs again at its next interval", e);
        }
    }

    private long purge(Handle handle, long siteId, Instant cutoff, Instant tokenCutoff) {
        int records = attacks.deleteReceivedBefore(handle, siteId, cutoff)
                + activity.deleteReceivedBefore(handle, siteId, cutoff);
        handle.createUpdate("DELETE FROM plugin_access_tokens WHERE site_id = :site "
                        + "AND expires_at < :cutoff")
                .bind("site", siteId)
                .bind("cutoff", tokenCutoff)
                .execute();
        return records;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
