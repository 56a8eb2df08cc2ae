package io.bulwark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bulwark.db.Database;
import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import io.bulwark.vulns.EntryCodec;
import io.bulwark.vulns.EvaluationStore;
import io.bulwark.vulns.FeedFormat;
import io.bulwark.vulns.FeedImporter;
import io.bulwark.vulns.FeedParser;
import io.bulwark.vulns.FeedStore;
import io.bulwark.vulns.ImportRuns;
import io.bulwark.vulns.ImportSummary;
import io.bulwark.vulns.Reevaluation;
import io.bulwark.vulns.RowEvaluator;
import io.bulwark.vulns.Sweeps;
import io.bulwark.vulns.VulnerabilityEvaluation;
import io.bulwark.vulns.WordfenceFeedWriter;
import io.bulwark.vulns.WordfenceFeedWriter.Interval;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import io.bulwark.vulns.WordfenceFeedWriter.Software;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Prints figures (not a timed test): import throughput of a generated Wordfence-format feed of
 * the real feed's size, and the time to re-evaluate a million stored software rows against it.
 * Arguments: JDBC URL (default a SQLite file in a temporary folder), records (42000), target
 * feed size in MB (160), software rows (1000000).
 */
public final class VulnsBenchmark {
    private static final int ROWS_PER_SITE = 25;

    private VulnsBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Files.createTempDirectory("bulwark-bench-");
        String url = args.length > 0 && !args[0].isEmpty() ? args[0]
                : "jdbc:sqlite:" + folder.resolve("bench.db");
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 42_000;
        long targetBytes = (args.length > 2 ? Long.parseLong(args[2]) : 160) * 1_000_000L;
        int rows = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
        int slugs = records * 3 / 5;

        Path feed = folder.resolve("feed.json");
        long feedBytes = writeFeed(feed, records, slugs, targetBytes);
        System.out.printf("feed: %d records, %.1f MB, %d distinct slugs (%s)%n", records,
                feedBytes / 1e6, slugs, url.split("\\?")[0]);

        try (Database database = Database.open(url, 4)) {
            Transactions transactions = new Transactions(database);
            ObjectMapper json = JsonMapper.builder().build();
            EntryCodec codec = new EntryCodec(json);
            ImportRuns runs = new ImportRuns();
            Sweeps sweeps = new Sweeps();
            EvaluationStore evaluationStore = new EvaluationStore(codec);
            FeedImporter importer = new FeedImporter(transactions, new FeedParser(json),
                    new FeedStore(codec), runs, sweeps, codec, Clock.systemUTC());
            VulnerabilityEvaluation evaluation = new VulnerabilityEvaluation(evaluationStore,
                    runs, new RowEvaluator());
            Reevaluation reevaluation = new Reevaluation(transactions, sweeps, runs,
                    evaluationStore, evaluation);
            JobLeases.Lease lease = new JobLeases(transactions, Clock.systemUTC())
                    .tryAcquire("vulnerability-feed", "bench", Duration.ofHours(1))
                    .orElseThrow();

            importOnce("first import", importer, feed, feedBytes, lease);
            importOnce("re-import, unchanged", importer, feed, feedBytes, lease);
            reevaluation.runPending(lease);

            insertInventories(transactions, rows, slugs);
            reevaluation.scheduleFullPass();
            long start = System.nanoTime();
            Reevaluation.Result result = reevaluation.runPending(lease);
            report("full re-evaluation", start, result);
            reevaluation.scheduleFullPass();
            start = System.nanoTime();
            report("full re-evaluation, nothing changed", start, reevaluation.runPending(lease));
            long vulnerable = transactions.read(handle -> handle.createQuery("SELECT COUNT(*) "
                    + "FROM software_items WHERE vulnerability_status = 'vulnerable'")
                    .mapTo(Long.class).one());
            System.out.printf("rows vulnerable after evaluation: %d of %d%n", vulnerable, rows);
            lease.close();
        }
    }

    private static void importOnce(String label, FeedImporter importer, Path feed,
            long feedBytes, JobLeases.Lease lease) throws IOException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        ImportSummary summary;
        try (InputStream input = new BufferedInputStream(Files.newInputStream(feed), 1 << 16)) {
            summary = importer.run(FeedFormat.WORDFENCE, input, new FeedImporter.Options(true,
                    false), lease);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("%s: %d records (%d new, %d changed, %d unchanged) in %.1f s = "
                        + "%.0f records/s, %.1f MB/s; peak heap %d MB (max %d MB)%n", label,
                summary.read(), summary.added(), summary.changed(), summary.unchanged(), seconds,
                summary.read() / seconds, feedBytes / 1e6 / seconds, peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void report(String label, long start, Reevaluation.Result result) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d rows in %d site visits in %.1f s = %.0f rows/s%n", label,
                result.rows(), result.sites(), seconds, result.rows() / seconds);
    }

    /** Writes a feed shaped like the real one until it holds {@code records} records. */
    private static long writeFeed(Path file, int records, int slugs, long targetBytes)
            throws IOException {
        Random random = new Random(42);
        int description = (int) Math.max(0, targetBytes / records - 1000);
        String filler = "The plugin is vulnerable to Cross-Site Scripting via a parameter in all "
                + "versions up to, and including, the listed one, due to insufficient input "
                + "sanitization and output escaping. ";
        String text = filler.repeat(description / filler.length() + 1).substring(0,
                description);
        try (OutputStream output = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                WordfenceFeedWriter writer = new WordfenceFeedWriter(output)) {
            for (int index = 0; index < records; index++) {
                writer.add(new Record(String.format("%08x-0000-4000-8000-%012d", index, index),
                        "Example " + index + " - Cross-Site Scripting", index % 50 == 0,
                        software(random, index, slugs), text));
            }
        }
        return Files.size(file);
    }

    private static List<Software> software(Random random, int index, int slugs) {
        if (index % 112 == 1) {
            List<Interval> branches = new ArrayList<>();
            int major = 3 + random.nextInt(4);
            int minor = random.nextInt(10);
            for (int branch = 0; branch < 1 + random.nextInt(3); branch++) {
                String line = major + "." + (minor + branch);
                branches.add(new Interval(line, true, line + "." + (1 + random.nextInt(9)),
                        false));
            }
            return List.of(new Software("core", "wordpress", branches, List.of("6.8.2")));
        }
        String type = index % 20 == 7 ? "theme" : "plugin";
        String slug = slugName(type, random.nextInt(slugs));
        String upTo = (1 + random.nextInt(9)) + "." + random.nextInt(20) + "."
                + random.nextInt(10);
        List<Interval> intervals = index % 10 == 3
                ? List.of(new Interval("1.0", true, "1.4.2", true), Interval.upTo(upTo))
                : List.of(Interval.upTo(upTo));
        return List.of(new Software(type, slug, intervals, List.of(upTo + ".1")));
    }

    private static String slugName(String type, int number) {
        return type + "-slug-" + number;
    }

    /**
     * 40 sites per 1,000 rows: WordPress 6.x, PHP, two themes and plugins, half of them with a
     * slug the feed has records for.
     */
    private static void insertInventories(Transactions transactions, int rows, int slugs) {
        Random random = new Random(7);
        int sites = rows / ROWS_PER_SITE;
        long start = System.nanoTime();
        long provider = transactions.inTransaction(handle -> handle.createUpdate("INSERT INTO "
                        + "providers (name, created_at, default_class, default_renew_freq, "
                        + "default_addon_mr, default_addon_wl) VALUES ('bench', 0, 'free', "
                        + "'monthly', :f, :f)").bind("f", false)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        long user = transactions.inTransaction(handle -> handle.createUpdate("INSERT INTO users "
                        + "(provider_id, name, email, email_norm, newsletter, password_hash, "
                        + "class, renew_freq, addon_mr, addon_wl, created_at) VALUES (:p, 'b', "
                        + "'b@example.test', 'b@example.test', :f, 'x', 'free', 'monthly', :f, "
                        + ":f, 0)").bind("p", provider).bind("f", false)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        for (int first = 0; first < sites; first += 400) {
            int from = first;
            transactions.useTransaction(handle -> {
                PreparedBatch items = handle.prepareBatch("INSERT INTO software_items (site_id, "
                        + "position, sw_type, name, file, slug, version, is_active) VALUES "
                        + "(:site, :position, :type, :name, :file, :file, :version, :active)");
                for (int site = from; site < Math.min(sites, from + 400); site++) {
                    long siteId = handle.createUpdate("INSERT INTO sites (provider_id, user_id, "
                                    + "url, normalized_url, created_at) VALUES (:p, :u, :url, "
                                    + ":url, 0)").bind("p", provider).bind("u", user)
                            .bind("url", "https://bench" + site + ".example.test")
                            .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                    for (int position = 0; position < ROWS_PER_SITE; position++) {
                        String type = position == 0 ? "wordpress" : position == 1 ? "php"
                                : position < 4 ? "theme" : "plugin";
                        String slug = random.nextBoolean()
                                ? slugName(type, random.nextInt(slugs))
                                : "private-" + site + "-" + position;
                        String file = type.equals("plugin") ? slug + "/" + slug + ".php"
                                : type.equals("theme") ? slug : null;
                        String version = type.equals("wordpress") ? "6." + random.nextInt(9)
                                + "." + random.nextInt(4) : random.nextInt(9) + "."
                                + random.nextInt(20) + "." + random.nextInt(10);
                        items.bind("site", siteId).bind("position", position)
                                .bind("type", type).bind("name", slug).bind("file", file)
                                .bind("version", version).bind("active", true).add();
                    }
                }
                items.execute();
            });
        }
        System.out.printf("stored %d software rows of %d sites in %.1f s%n", rows, sites,
                (System.nanoTime() - start) / 1e9);
    }
}
