package io.bulwark.audit;

import io.bulwark.db.Transactions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the audit records of calls that changed nothing (reads and failures) in batches, one
 * transaction per batch, from a background thread: a commit per read would make every view
 * and search wait for the disk. Records of changes are written inside the change's own
 * transaction by {@link AuditLog} and never pass through here.
 *
 * <p>LIMITATION: records still queued when the process dies abruptly (at most one flush
 * interval's worth, 50 ms) are lost; a clean stop flushes them. Losing read audits in a crash
 * is accepted; losing change audits is not, which is why changes never come here.
 */
public final class AuditBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditBatcher.class);
    private static final int CAPACITY = 100_000;
    private static final int BATCH = 500;
    private static final Duration INTERVAL = Duration.ofMillis(50);

    private final BlockingQueue<AuditLog.Entry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Transactions transactions;
    private final AuditLog auditLog;
    private final Thread writer;
    private volatile boolean running = true;

    public AuditBatcher(Transactions transactions, AuditLog auditLog) {
        this.transactions = transactions;
        this.auditLog = auditLog;
        this.writer = Thread.ofVirtual().name("audit-writer").start(this::loop);
    }

    /** Queues a record; if the queue is full the database has been down for long: ERROR. */
    public void add(AuditLog.Entry entry) {
        if (!queue.offer(entry)) {
            LOG.error("Audit queue full ({} records): dropped the record of request {}",
                    CAPACITY, entry.requestId());
        }
    }

    private void loop() {
        while (running || !queue.isEmpty()) {
            List<AuditLog.Entry> batch = new ArrayList<>(BATCH);
            try {
                AuditLog.Entry first = queue.poll(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private void write(List<AuditLog.Entry> batch) throws InterruptedException {
        try {
            transactions.useTransaction(handle -> auditLog.writeAll(handle, batch));
        } catch (RuntimeException e) {
            if (!running) {
                LOG.error("Could not write {} audit records while stopping; they are lost",
                        batch.size(), e);
                queue.clear();
                return;
            }
            LOG.error("Could not write {} audit records; retrying", batch.size(), e);
            batch.forEach(this::add);
            Thread.sleep(1000);
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
