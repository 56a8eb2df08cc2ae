package io.bulwark.plugin.multisite;

import com.fasterxml.jackson.databind.JsonNode;
import io.bulwark.audit.AuditLog;
import io.bulwark.crypto.SecretBox;
import io.bulwark.crypto.Tokens;
import io.bulwark.db.Locks;
import io.bulwark.db.Transactions;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.plugin.RemovedSite;
import io.bulwark.sites.Site;
import io.bulwark.sites.SiteRepository;
import io.bulwark.sites.SiteService;
import io.bulwark.sites.SiteUrl;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * Credentials for the sub-sites of a WordPress network, asked for by the network's main site.
 * Each URL becomes a site of the same user and provider, or, when it already is one, returns
 * that site's credentials (the network admin may press the button twice). A URL that is a site
 * of another user refuses the whole call. All in one transaction under the per-URL locks, taken
 * in sorted order so two overlapping calls cannot deadlock.
 */
public final class MultisiteKeys {
    static final int MAX_SITES = 100;

    private final Transactions transactions;
    private final SiteRepository sites;
    private final SiteService siteService;
    private final SecretBox secrets;
    private final Tokens tokens;
    private final AuditLog auditLog;
    private final Clock clock;

    public MultisiteKeys(Transactions transactions, SiteRepository sites, SiteService siteService,
            SecretBox secrets, Tokens tokens, AuditLog auditLog, Clock clock) {
        this.transactions = transactions;
        this.sites = sites;
        this.siteService = siteService;
        this.secrets = secrets;
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** Who asked: for the audit records of the sites created. */
    public record Caller(long siteId, String clientIp, String requestId) {
    }

    /**
     * The credentials of each URL, keyed by the URL exactly as sent.
     *
     * @throws InvalidInputException naming the first URL that cannot be served, before anything
     *     is created
     */
    public Map<String, SiteService.Credentials> keys(Caller caller, List<JsonNode> urls) {
        Map<String, String> normalized = validate(urls);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return transactions.inTransaction(handle -> {
            normalized.values().stream().distinct().sorted()
                    .forEach(norm -> Locks.lockUrl(handle, norm));
            Site network = RemovedSite.find(sites, handle, caller.siteId());
            Map<String, Site> existing = existing(handle, network, normalized);
            Map<String, SiteService.Credentials> keys = new LinkedHashMap<>();
            normalized.forEach((url, norm) -> {
                Site site = existing.get(norm);
                if (site == null) {
                    site = create(handle, network, url, norm, caller, now);
                    existing.put(norm, site);
                }
                keys.put(url, siteService.credentials(site));
            });
            return keys;
        });
    }

    private static Map<String, String> validate(List<JsonNode> urls) {
        if (urls.isEmpty()) {
            throw new InvalidInputException("The sites field is required.");
        }
        if (urls.size() > MAX_SITES) {
            throw new InvalidInputException("At most " + MAX_SITES + " sites can be activated "
                    + "at once; " + urls.size() + " were sent.");
        }
        Map<String, String> normalized = new LinkedHashMap<>();
        for (JsonNode node : urls) {
            String url = node.isTextual() ? node.textValue() : node.toString();
            try {
                SiteUrl.validate(url.strip());
                normalized.put(url, SiteUrl.normalize(url.strip()));
            } catch (InvalidInputException ignored) {
                // Reworded to name the URL: the network admin sent several.
                throw new InvalidInputException("The site URL " + abbreviate(url)
                        + " is not a valid URL.");
            }
        }
        return normalized;
    }

    /** The live sites among the URLs; refuses when one belongs to another user. */
    private Map<String, Site> existing(Handle handle, Site network,
            Map<String, String> normalized) {
        Map<String, Site> found = new TreeMap<>();
        for (Map.Entry<String, String> entry : normalized.entrySet()) {
            Optional<Site> site = sites.findByNormalizedUrl(handle, network.providerId(),
                    entry.getValue());
            if (site.isPresent() && site.get().userId() != network.userId()) {
                throw new InvalidInputException("The site " + abbreviate(entry.getKey())
                        + " belongs to another customer of your hosting provider.");
            }
            site.ifPresent(value -> found.put(entry.getValue(), value));
        }
        return found;
    }

    private Site create(Handle handle, Site network, String url, String norm, Caller caller,
            Instant now) {
        String trimmed = url.strip();
        long siteId = sites.insertSite(handle, network.providerId(), network.userId(), trimmed,
                norm, now);
        long credentialId = sites.insertCredential(handle, siteId, now);
        sites.setSecret(handle, credentialId, secrets.encrypt(tokens.alphanumeric(40),
                credentialId));
        auditLog.write(handle, new AuditLog.Entry(network.providerId(), "plugin.multisite_keys",
                "site", siteId, 200, caller.clientIp(), caller.requestId(), now));
        return sites.find(handle, siteId).orElseThrow();
    }

    private static String abbreviate(String url) {
        return url.length() > 200 ? url.substring(0, 200) + "..." : url;
    }
}
