package io.bulwark;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.bulwark.audit.AuditBatcher;
import io.bulwark.audit.AuditLog;
import io.bulwark.config.Config;
import io.bulwark.crypto.KeyCheck;
import io.bulwark.crypto.KeyRing;
import io.bulwark.crypto.Passwords;
import io.bulwark.crypto.SecretBox;
import io.bulwark.crypto.Tokens;
import io.bulwark.db.Database;
import io.bulwark.db.JobLeases;
import io.bulwark.db.Transactions;
import io.bulwark.hosting.HostingApi;
import io.bulwark.login.BrowserSessions;
import io.bulwark.login.LoginLinks;
import io.bulwark.login.LoginRoutes;
import io.bulwark.login.Sessions;
import io.bulwark.ops.OperationsRoutes;
import io.bulwark.plugin.auth.PluginAuth;
import io.bulwark.plugin.auth.TokenService;
import io.bulwark.plugin.inventory.InventoryRoutes;
import io.bulwark.plugin.inventory.InventoryUpload;
import io.bulwark.plugin.logs.LogRetention;
import io.bulwark.plugin.logs.LogRoutes;
import io.bulwark.plugin.logs.LogStore;
import io.bulwark.plugin.multisite.MultisiteKeys;
import io.bulwark.plugin.multisite.MultisiteRoutes;
import io.bulwark.plugin.status.StatusRoutes;
import io.bulwark.pluginzip.PluginZips;
import io.bulwark.portal.LoginThrottle;
import io.bulwark.portal.PasswordChange;
import io.bulwark.portal.PasswordLogin;
import io.bulwark.portal.PortalAccess;
import io.bulwark.portal.PortalRepository;
import io.bulwark.portal.PortalRoutes;
import io.bulwark.portal.SignInRoutes;
import io.bulwark.portal.SitePages;
import io.bulwark.portal.VulnerabilityDetails;
import io.bulwark.providers.ProviderRepository;
import io.bulwark.providers.ProviderService;
import io.bulwark.sites.SiteRemoval;
import io.bulwark.sites.SiteRepository;
import io.bulwark.sites.SiteRoutes;
import io.bulwark.sites.SiteService;
import io.bulwark.users.UserRepository;
import io.bulwark.users.UserRoutes;
import io.bulwark.users.UserService;
import io.bulwark.vulns.EntryCodec;
import io.bulwark.vulns.EvaluationStore;
import io.bulwark.vulns.FeedImporter;
import io.bulwark.vulns.FeedJobs;
import io.bulwark.vulns.FeedParser;
import io.bulwark.vulns.FeedSchedule;
import io.bulwark.vulns.FeedStore;
import io.bulwark.vulns.ImportRuns;
import io.bulwark.vulns.Mutes;
import io.bulwark.vulns.PluginVulnerabilities;
import io.bulwark.vulns.PortalVulnerabilities;
import io.bulwark.vulns.Reevaluation;
import io.bulwark.vulns.RowEvaluator;
import io.bulwark.vulns.SiteVulnerabilities;
import io.bulwark.vulns.Sweeps;
import io.bulwark.vulns.VulnerabilityEvaluation;
import io.bulwark.web.BrowserErrors;
import io.bulwark.web.HttpServer;
import io.bulwark.web.Pages;
import io.bulwark.web.RequestBody;
import io.bulwark.web.StaticAssets;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every object of the server in dependency order, with
 * {@code new}. The command line uses the same wiring; only {@link #start()} opens the port.
 */
public final class App implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    private static final Duration LOG_RETENTION_INTERVAL = Duration.ofHours(1);

    private final Config config;
    private final Database database;
    private final ProviderService providers;
    private final PluginZips pluginZips;
    private final LogRetention logRetention;
    private final HttpServer server;
    private final FeedJobs feedJobs;
    private final Mutes mutes;
    private final FeedSchedule feedSchedule;
    private final AuditBatcher auditBatcher;

    public App(Config config, Clock clock, SecureRandom random, Passwords passwords) {
        this(config, clock, random, passwords,
                new PortalVulnerabilities(new SiteVulnerabilities()));
    }

    /**
     * The wiring with another source of matched vulnerability records for the portal; tests
     * use it to show records before the vulnerability feature stores any.
     */
    public App(Config config, Clock clock, SecureRandom random, Passwords passwords,
            VulnerabilityDetails vulnerabilityDetails) {
        this.config = config;
        byte[] key = KeyRing.load(config, random);
        this.database = Database.open(config.databaseUrl(), config.isSqlite() ? 8 : 16);
        Transactions transactions = new Transactions(database);
        SecretBox secrets = new SecretBox(key, random);
        try {
            KeyCheck.verify(transactions, secrets);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        Tokens tokens = new Tokens(random);
        ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        RequestBody body = new RequestBody(json);
        AuditLog auditLog = new AuditLog();
        this.auditBatcher = new AuditBatcher(transactions, auditLog);

        ProviderRepository providerRepository = new ProviderRepository();
        this.providers = new ProviderService(transactions, providerRepository, tokens, clock);
        HostingApi hostingApi = new HostingApi(providers, auditLog, auditBatcher,
                config.trustedProxies(), clock);

        UserRepository userRepository = new UserRepository();
        SiteRepository siteRepository = new SiteRepository();
        UserService users = new UserService(transactions, userRepository,
                new SiteRemoval(siteRepository, clock), passwords, clock);
        SiteService sites = new SiteService(transactions, siteRepository, users, secrets, tokens,
                clock);
        this.pluginZips = new PluginZips(transactions, config.publicBase(), clock);

        JobLeases leases = new JobLeases(transactions, clock);
        EntryCodec entryCodec = new EntryCodec(json);
        FeedStore feedStore = new FeedStore(entryCodec);
        ImportRuns importRuns = new ImportRuns();
        Sweeps sweeps = new Sweeps();
        EvaluationStore evaluationStore = new EvaluationStore(entryCodec);
        SiteVulnerabilities siteVulnerabilities = new SiteVulnerabilities();
        VulnerabilityEvaluation vulnerabilityEvaluation = new VulnerabilityEvaluation(
                evaluationStore, importRuns, new RowEvaluator());
        FeedImporter feedImporter = new FeedImporter(transactions, new FeedParser(json),
                feedStore, importRuns, sweeps, entryCodec, clock);
        Reevaluation reevaluation = new Reevaluation(transactions, sweeps, importRuns,
                evaluationStore, vulnerabilityEvaluation);
        this.feedJobs = new FeedJobs(leases, feedImporter, reevaluation, transactions,
                importRuns, nodeName(random));
        this.mutes = new Mutes(transactions, feedStore, clock);
        this.feedSchedule = new FeedSchedule(config.feed(), feedJobs, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), clock);

        LoginLinks loginLinks = new LoginLinks(transactions, tokens, config.publicBase(), clock);
        Sessions sessions = new Sessions(transactions, tokens, config.sessionIdleTimeout(),
                config.sessionMaxAge(), clock);
        boolean secureCookies = "https".equals(config.publicUrl().getScheme());
        BrowserSessions browserSessions = new BrowserSessions(sessions, secureCookies);
        Pages pages = new Pages();

        TokenService pluginTokens = new TokenService(transactions, siteRepository, sites, tokens,
                config.pluginTokenLifetime(), clock);
        PluginVulnerabilities pluginVulnerabilities = new PluginVulnerabilities(
                vulnerabilityEvaluation, siteVulnerabilities);
        InventoryUpload inventoryUpload = new InventoryUpload(transactions, json,
                List.of(pluginVulnerabilities), pluginVulnerabilities, clock);
        LogStore logStore = new LogStore(transactions, clock);
        this.logRetention = new LogRetention(transactions, leases, config.attackRetention(),
                clock);
        MultisiteKeys multisiteKeys = new MultisiteKeys(transactions, siteRepository, sites,
                secrets, tokens, auditLog, clock);

        PasswordLogin passwordLogin = new PasswordLogin(transactions, userRepository,
                new LoginThrottle(), passwords, tokens, clock);
        PortalAccess portalAccess = new PortalAccess(browserSessions, userRepository,
                providerRepository, transactions);
        SitePages sitePages = new SitePages(transactions, new PortalRepository(),
                vulnerabilityDetails, clock);
        PasswordChange passwordChange = new PasswordChange(transactions, userRepository,
                passwordLogin, passwords, sessions);

        BrowserErrors browserErrors = new BrowserErrors(pages,
                List.of("/portal", "/login", "/logout", "/sso"));
        this.server = new HttpServer(json, browserErrors, List.of(
                new OperationsRoutes(database),
                new StaticAssets(),
                hostingApi,
                new UserRoutes(users, loginLinks, body),
                new SiteRoutes(sites, users, pluginZips, transactions, body, clock),
                new LoginRoutes(loginLinks, browserSessions, pages),
                new SignInRoutes(passwordLogin, browserSessions, pages, tokens,
                        config.trustedProxies(), secureCookies),
                new PortalRoutes(portalAccess, browserSessions, sitePages, passwordChange, pages,
                        config.trustedProxies(), clock),
                new PluginAuth(pluginTokens, body),
                new StatusRoutes(transactions, siteRepository, userRepository,
                        providerRepository, body, json, clock),
                new InventoryRoutes(inventoryUpload, body),
                new LogRoutes(logStore, json, body),
                new MultisiteRoutes(multisiteKeys, body, config.trustedProxies())));
    }

    /** This node's name in lease rows: process id plus a random part, unique per start. */
    private static String nodeName(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "node-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(bytes);
    }

    /** Starts the HTTP server; returns the bound port. */
    public int start() {
        int port = server.start(config.host(), config.port());
        feedSchedule.start();
        logRetention.start(LOG_RETENTION_INTERVAL);
        if (!config.publicUrlConfigured()) {
            LOG.warn("BULWARK_PUBLIC_URL is not set: login links and plugin zips will point to "
                    + "{}, which only works on this machine", config.withPort(port).publicBase());
        }
        LOG.info("Bulwark listening on {} port {} with {} database, public URL {}", config.host(),
                port, database.kind().label(), config.withPort(port).publicBase());
        return port;
    }

    public ProviderService providers() {
        return providers;
    }

    public PluginZips pluginZips() {
        return pluginZips;
    }

    public Database database() {
        return database;
    }

    public HttpServer server() {
        return server;
    }

    public FeedJobs feedJobs() {
        return feedJobs;
    }

    public Mutes mutes() {
        return mutes;
    }

    @Override
    public void close() {
        feedSchedule.close();
        logRetention.close();
        server.stop();
        auditBatcher.close();
        database.close();
    }
}
