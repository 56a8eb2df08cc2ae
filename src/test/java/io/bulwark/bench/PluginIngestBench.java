package io.bulwark.bench;

import io.bulwark.plugin.HostedSite;
import io.bulwark.plugin.Inventories;
import io.bulwark.plugin.PhpEncoding;
import io.bulwark.plugin.PluginClient;
import io.bulwark.plugin.WireClient;
import io.bulwark.testing.HttpTestClient;
import io.bulwark.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Firewall-log records ingested per second through {@code POST /api/logs/log} (100-record
 * batches as the plugin sends them, several sites uploading at once over HTTP), beside a plain
 * JDBC bulk insert of the same rows into {@code attacks} in the same run, with the same
 * concurrency and one transaction per 100 rows. On SQLite and on PostgreSQL.
 *
 * <p>Run with {@code bench/plugin-ingest.sh [sites] [batches per site]}.
 */
public final class PluginIngestBench {
    private static final int RECORDS_PER_BATCH = 100;
    private static final int WARM_UP_BATCHES = 5;

    private PluginIngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        for (String kind : new String[] {"sqlite", "postgresql"}) {
            try (TestServer server = TestServer.start(kind)) {
                run(server, kind, sites, batches);
            }
        }
    }

    private static void run(TestServer server, String kind, int siteCount, int batches)
            throws Exception {
        HttpTestClient host = server.client(server.newProvider("Bench Hosting"));
        List<HostedSite> sites = new ArrayList<>();
        List<PluginClient> plugins = new ArrayList<>();
        for (int i = 0; i < siteCount; i++) {
            HostedSite site = HostedSite.create(host, "premium");
            PluginClient plugin = site.plugin(server);
            plugin.token();
            sites.add(site);
            plugins.add(plugin);
        }
        upload(plugins, "warm", WARM_UP_BATCHES);
        bulkInsert(server, sites, "warm", WARM_UP_BATCHES);

        double plugin = upload(plugins, "run", batches);
        double bulk = bulkInsert(server, sites, "run", batches);

        long records = (long) siteCount * batches * RECORDS_PER_BATCH;
        System.out.printf("%-11s POST /api/logs/log  %9.0f records/s  (%d sites x %d batches "
                + "x %d records over HTTP)%n", kind, plugin, siteCount, batches,
                RECORDS_PER_BATCH);
        System.out.printf("%-11s plain JDBC insert   %9.0f records/s  (same %d rows, one "
                + "transaction per %d)%n", kind, bulk, records, RECORDS_PER_BATCH);
        System.out.printf("%-11s ratio               %9.2f x the plain insert%n", kind,
                plugin / bulk);
    }

    /**
     * Records per second over HTTP; every reply must be the plain success. The bodies are
     * encoded before the clock starts: only the server's work and the transport are measured.
     */
    private static double upload(List<PluginClient> plugins, String tag, int batches)
            throws Exception {
        List<Callable<Void>> work = new ArrayList<>();
        for (int s = 0; s < plugins.size(); s++) {
            PluginClient plugin = plugins.get(s);
            List<byte[]> bodies = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                bodies.add(("logs=" + PhpEncoding.escape(PhpEncoding.json(batch(tag, s, b)))
                        + "&type=firewall&is_multisite=0").getBytes(StandardCharsets.UTF_8));
            }
            work.add(() -> {
                for (byte[] body : bodies) {
                    WireClient.Reply reply = plugin.sendBody("POST", "/api/logs/log",
                            "application/x-www-form-urlencoded", body, true);
                    if (!reply.body().equals("{\"success\":true}")) {
                        throw new IllegalStateException("Upload failed: " + reply.status() + " "
                                + reply.body());
                    }
                }
                return null;
            });
        }
        return timed(work, (long) plugins.size() * batches * RECORDS_PER_BATCH);
    }

    /**
     * Records per second inserting the same rows with plain JDBC batches, on connections of the
     * server's own pool (same SQLite pragmas, same PostgreSQL settings).
     */
    private static double bulkInsert(TestServer server, List<HostedSite> sites, String tag,
            int batches) throws Exception {
        Jdbi jdbi = server.app().database().jdbi();
        List<Callable<Void>> work = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            long siteId = sites.get(s).siteId();
            int site = s;
            work.add(() -> {
                try (Handle handle = jdbi.open()) {
                    Connection connection = handle.getConnection();
                    connection.setAutoCommit(false);
                    for (int b = 0; b < batches; b++) {
                        insertBatch(connection, siteId, "bulk-" + tag + "-" + site + "-" + b);
                        connection.commit();
                    }
                    connection.setAutoCommit(true);
                }
                return null;
            });
        }
        return timed(work, (long) sites.size() * batches * RECORDS_PER_BATCH);
    }

    private static void insertBatch(Connection connection, long siteId, String prefix)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO attacks "
                + "(site_id, record_hash, copy_no, day, occurred_at, received_at, ip, fid, "
                + "method, request_uri, user_agent, log_date, post_data, post_data_clipped) "
                + "VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            long now = System.currentTimeMillis() * 1000;
            for (int r = 0; r < RECORDS_PER_BATCH; r++) {
                insert.setLong(1, siteId);
                insert.setString(2, prefix + "-" + r);
                insert.setString(3, "2026-12-04");
                insert.setLong(4, now);
                insert.setLong(5, now);
                insert.setString(6, "203.0.113." + r);
                insert.setString(7, "551300");
                insert.setString(8, "GET");
                insert.setString(9, "/?pid=" + prefix + "-" + r);
                insert.setString(10, "Mozilla/5.0 (X11; Linux x86_64) c2-attack");
                insert.setString(11, "2026-12-04 15:21:21");
                insert.setString(12, "[]");
                insert.setBoolean(13, false);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static List<Map<String, Object>> batch(String tag, int site, int batch) {
        List<Map<String, Object>> records = new ArrayList<>(RECORDS_PER_BATCH);
        for (int r = 0; r < RECORDS_PER_BATCH; r++) {
            records.add(Inventories.blocked("203.0.113." + r, "551300",
                    "/?pid=" + tag + "-" + site + "-" + batch + "-" + r, "GET",
                    "2026-12-04 15:21:21", "[]"));
        }
        return records;
    }

    private static double timed(List<Callable<Void>> work, long records) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(work.size())) {
            long start = System.nanoTime();
            List<Future<Void>> done = threads.invokeAll(work);
            for (Future<Void> future : done) {
                future.get();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }
}
