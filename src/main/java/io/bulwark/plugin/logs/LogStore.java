package io.bulwark.plugin.logs;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.db.Transactions;
import io.bulwark.plugin.RemovedSite;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Stores uploaded firewall and activity records, each batch in one transaction under the
 * per-site lock.
 *
 * <p>Firewall records have no id and identical ones are legitimate (one bot, one second, one
 * rule), but the plugin also resends: after an {@code errors} reply its next window overlaps
 * the old one. So a batch holding k copies of a record while the site already holds s stores
 * max(0, k - s) more: the k copies are numbered 0 to k - 1 and inserted unless that number is
 * taken, which needs no read and makes a replayed transaction harmless. The per-day totals grow
 * by exactly the rows inserted, in the same transaction.
 */
public final class LogStore {
    private static final Duration LOCK_WAIT = Duration.ofSeconds(5);

    private final Transactions transactions;
    private final AttackRepository attacks;
    private final ActivityRepository activity;
    private final Clock clock;

    public LogStore(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.attacks = new AttackRepository();
        this.activity = new ActivityRepository();
        this.clock = clock;
    }

    /** Stores a firewall batch; returns how many records were new. */
    public int storeFirewall(long siteId, List<JsonNode> json) {
        Instant now = now();
        List<AttackRepository.Copy> copies = numberCopies(json, now);
        return transactions.inTransaction(handle -> {
            lock(handle, siteId);
            List<AttackRepository.Copy> inserted = attacks.insertMissing(handle, siteId, copies,
                    now);
            Map<String, Long> perDay = new TreeMap<>();
            inserted.forEach(copy -> perDay.merge(copy.record().day(), 1L, Long::sum));
            attacks.addToDays(handle, siteId, perDay);
            return inserted.size();
        });
    }

    /** Stores an activity batch; records already stored are skipped. */
    public void storeActivity(long siteId, List<JsonNode> json) {
        Instant now = now();
        List<ActivityRecord> records = json.stream().map(ActivityRecord::from)
                .flatMap(Optional::stream).toList();
        transactions.useTransaction(handle -> {
            lock(handle, siteId);
            activity.insert(handle, siteId, records, now);
        });
    }

    /** The batch's records, each numbered by how many equal ones precede it in the batch. */
    private static List<AttackRepository.Copy> numberCopies(List<JsonNode> json, Instant now) {
        // LIMITATION: copies received on different days expire separately, so a record resent
        // after the retention period removed its copy 0 but kept copy 1 is stored once more.
        // The plugin resends within minutes, never months later, so nobody sees it.
        Map<String, Integer> seen = new HashMap<>();
        List<AttackRepository.Copy> copies = new ArrayList<>(json.size());
        for (JsonNode element : json) {
            FirewallRecord.from(element, now).ifPresent(record -> copies.add(
                    new AttackRepository.Copy(record, seen.merge(record.hash(), 1, Integer::sum)
                            - 1)));
        }
        return copies;
    }

    private static void lock(Handle handle, long siteId) {
        // The plugin gives up after 60 s and then loses the batch: wait at most a few seconds
        // (SQLite's busy timeout bounds its wait too), then ask it to resend.
        RemovedSite.lock(handle, siteId, LOCK_WAIT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
