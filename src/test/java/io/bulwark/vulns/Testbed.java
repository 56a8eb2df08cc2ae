package io.bulwark.vulns;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.bulwark.db.Database;
import io.bulwark.db.JobLeases;
import io.bulwark.db.Locks;
import io.bulwark.db.Transactions;
import io.bulwark.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The vulnerability services wired as {@code App} wires them, on a fresh database of one kind,
 * plus helpers that create sites and inventories the way the upload does.
 */
public final class Testbed implements AutoCloseable {
    private static final AtomicLong URLS = new AtomicLong();

    final Database database;
    final Transactions transactions;
    final JobLeases leases;
    final FeedImporter importer;
    final Reevaluation reevaluation;
    final VulnerabilityEvaluation evaluation;
    final SiteVulnerabilities sites;
    final FeedJobs jobs;
    final Mutes mutes;

    private Testbed(Database database) {
        this.database = database;
        ObjectMapper json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        Clock clock = Clock.systemUTC();
        this.transactions = new Transactions(database);
        this.leases = new JobLeases(transactions, clock);
        EntryCodec codec = new EntryCodec(json);
        FeedStore store = new FeedStore(codec);
        ImportRuns runs = new ImportRuns();
        Sweeps sweeps = new Sweeps();
        EvaluationStore evaluationStore = new EvaluationStore(codec);
        this.sites = new SiteVulnerabilities();
        this.evaluation = new VulnerabilityEvaluation(evaluationStore, runs,
                new RowEvaluator());
        this.importer = new FeedImporter(transactions, new FeedParser(json), store, runs, sweeps,
                codec, clock);
        this.reevaluation = new Reevaluation(transactions, sweeps, runs, evaluationStore,
                evaluation);
        this.jobs = new FeedJobs(leases, importer, reevaluation, transactions, runs, "test-node");
        this.mutes = new Mutes(transactions, store, clock);
    }

    /** A testbed on a new SQLite file or PostgreSQL schema. */
    public static Testbed open(String kind) {
        return new Testbed(Database.open(TestDatabase.create(kind).jdbcUrl(), 4));
    }

    /** One software row as the inventory upload stores it. */
    public record Item(String type, String name, String file, String version, String versionNew) {
        public static Item plugin(String file, String version) {
            return new Item("plugin", file, file, version, null);
        }

        public static Item theme(String directory, String version) {
            return new Item("theme", directory, directory, version, null);
        }

        public static Item core(String version) {
            return new Item("wordpress", "WordPress", null, version, null);
        }

        public static Item php(String version) {
            return new Item("php", "PHP", null, version, null);
        }
    }

    /** Creates a provider, a user and a site; returns the site id. */
    public long addSite() {
        long number = URLS.incrementAndGet();
        return transactions.inTransaction(handle -> {
            long provider = handle.createUpdate("INSERT INTO providers (name, created_at, "
                            + "default_class, default_renew_freq, default_addon_mr, "
                            + "default_addon_wl) VALUES ('p', 0, 'free', 'monthly', :f, :f)")
                    .bind("f", false)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            long user = handle.createUpdate("INSERT INTO users (provider_id, name, email, "
                            + "email_norm, newsletter, password_hash, class, renew_freq, "
                            + "addon_mr, addon_wl, created_at) VALUES (:p, 'u', :e, :e, :f, "
                            + "'x', 'free', 'monthly', :f, :f, 0)")
                    .bind("p", provider)
                    .bind("e", "u" + number + "@example.test")
                    .bind("f", false)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return handle.createUpdate("INSERT INTO sites (provider_id, user_id, url, "
                            + "normalized_url, created_at) VALUES (:p, :u, :url, :url, 0)")
                    .bind("p", provider)
                    .bind("u", user)
                    .bind("url", "https://site" + number + ".example.test")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
    }

    /**
     * Replaces the site's inventory and evaluates it in the same transaction, as the plugin's
     * upload does through its inventory hook.
     */
    public SiteVulnerabilities.Summary upload(long siteId, List<Item> items) {
        return transactions.inTransaction(handle -> {
            Locks.lockSite(handle, siteId);
            handle.createUpdate("DELETE FROM software_items WHERE site_id = :site")
                    .bind("site", siteId).execute();
            for (int position = 0; position < items.size(); position++) {
                Item item = items.get(position);
                handle.createUpdate("INSERT INTO software_items (site_id, position, sw_type, "
                                + "name, file, slug, version, version_new, is_active) VALUES "
                                + "(:site, :position, :type, :name, :file, :file, :version, "
                                + ":versionNew, :active)")
                        .bind("site", siteId)
                        .bind("position", position)
                        .bind("type", item.type())
                        .bind("name", item.name())
                        .bind("file", item.file())
                        .bind("version", item.version())
                        .bind("versionNew", item.versionNew())
                        .bind("active", true)
                        .execute();
            }
            evaluation.evaluateSite(handle, siteId);
            return sites.summary(handle, siteId);
        });
    }

    /** The stored states of the site's rows, in inventory order. */
    public List<String> states(long siteId) {
        return transactions.read(handle -> handle.createQuery("SELECT vulnerability_status "
                        + "FROM software_items WHERE site_id = :site ORDER BY position")
                .bind("site", siteId).mapTo(String.class).list());
    }

    /** The site's matches as the portal reads them. */
    public List<SiteVulnerabilities.Match> matches(long siteId) {
        return transactions.read(handle -> sites.matches(handle, siteId));
    }

    /** The site's figures as the plugin's reply reads them. */
    public SiteVulnerabilities.Summary summary(long siteId) {
        return transactions.read(handle -> sites.summary(handle, siteId));
    }

    /** Imports a feed held in a string. */
    public FeedJobs.Outcome importFeed(FeedFormat format, String feed, boolean complete,
            boolean prune) {
        return jobs.importFeed(format, new ByteArrayInputStream(
                feed.getBytes(StandardCharsets.UTF_8)), new FeedImporter.Options(complete, prune));
    }

    /** Forgets every site, feed record, mute, run, queued work and lease. */
    public Testbed reset() {
        transactions.useTransaction(handle -> {
            for (String table : List.of("vuln_matches", "vuln_software", "vuln_records",
                    "vuln_mutes", "vuln_import_runs", "vuln_pending_slugs", "vuln_sweeps",
                    "job_leases", "sites", "users", "providers")) {
                handle.createUpdate("DELETE FROM " + table).execute();
            }
        });
        return this;
    }

    /** The strings a query returns, in its order. */
    public List<String> texts(String sql) {
        return transactions.read(handle -> handle.createQuery(sql).mapTo(String.class).list());
    }

    /** The count of a query's single number. */
    public long count(String sql) {
        return transactions.read(handle -> handle.createQuery(sql).mapTo(Long.class).one());
    }

    @Override
    public void close() {
        database.close();
    }
}
