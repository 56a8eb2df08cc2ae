package io.bulwark.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Cluster-wide jobs without advisory locks (storage rules, 1): a job runs while its node holds
 * the lease row {@code job_leases(name)}. The lease is taken by one insert or one conditional
 * update of an expired row, renewed inside the job's own transactions (so a node that lost it
 * cannot commit more work) and released at the end.
 */
public final class JobLeases {
    private final Transactions transactions;
    private final Clock clock;

    public JobLeases(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A held lease. */
    public final class Lease implements AutoCloseable {
        private final String name;
        private final String holder;
        private final Duration ttl;

        private Lease(String name, String holder, Duration ttl) {
            this.name = name;
            this.holder = holder;
            this.ttl = ttl;
        }

        public String name() {
            return name;
        }

        /**
         * Extends the lease inside the caller's transaction.
         *
         * @throws LeaseLostException if another holder took it meanwhile; the caller's
         *     transaction then rolls back
         */
        public void renew(Handle handle) {
            Instant now = now();
            int updated = handle.createUpdate("UPDATE job_leases SET expires_at = :expires "
                            + "WHERE name = :name AND holder = :holder")
                    .bind("expires", now.plus(ttl))
                    .bind("name", name)
                    .bind("holder", holder)
                    .execute();
            if (updated != 1) {
                throw new LeaseLostException("The lease '" + name + "' of " + holder
                        + " expired and was taken by another node");
            }
        }

        /** Gives the lease up; a no-op when it was lost. */
        @Override
        public void close() {
            transactions.useTransaction(handle -> handle.createUpdate("DELETE FROM job_leases "
                            + "WHERE name = :name AND holder = :holder")
                    .bind("name", name)
                    .bind("holder", holder)
                    .execute());
        }
    }

    /** The lease was taken over by another node while this one still worked. */
    public static final class LeaseLostException extends RuntimeException {
        public LeaseLostException(String message) {
            super(message);
        }
    }

    /**
     * Takes the lease {@code name} for {@code ttl} unless another holder has it and it has not
     * expired.
     *
     * @return the lease, or empty when another holder has it
     */
    public Optional<Lease> tryAcquire(String name, String holder, Duration ttl) {
        Instant now = now();
        boolean taken = transactions.inTransaction(handle -> {
            int inserted = handle.createUpdate("INSERT INTO job_leases (name, holder, expires_at) "
                            + "VALUES (:name, :holder, :expires) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name)
                    .bind("holder", holder)
                    .bind("expires", now.plus(ttl))
                    .execute();
            return inserted == 1 || handle.createUpdate("UPDATE job_leases SET holder = :holder, "
                            + "expires_at = :expires WHERE name = :name "
                            + "AND (expires_at < :now OR holder = :holder)")
                    .bind("name", name)
                    .bind("holder", holder)
                    .bind("expires", now.plus(ttl))
                    .bind("now", now)
                    .execute() == 1;
        });
        return taken ? Optional.of(new Lease(name, holder, ttl)) : Optional.empty();
    }

    /** Who holds {@code name} and until when, for messages. */
    public Optional<String> describe(String name) {
        return transactions.read(handle -> handle.createQuery("SELECT holder, expires_at "
                        + "FROM job_leases WHERE name = :name")
                .bind("name", name)
                .map((row, ctx) -> row.getString(1) + " until "
                        + Times.fromMicros(row.getLong(2)))
                .findOne());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
