package io.bulwark.sites;

import io.bulwark.crypto.SecretBox;
import io.bulwark.crypto.Tokens;
import io.bulwark.db.Locks;
import io.bulwark.db.Transactions;
import io.bulwark.errors.ForbiddenException;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.errors.NotFoundException;
import io.bulwark.hosting.HostCall;
import io.bulwark.users.UserService;
import io.bulwark.web.Fields;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Sites of the Hosting API. Adding and editing run under the per-URL lock, so the
 * cross-provider duplicate check of a strict add cannot race another node; the unique
 * constraint on (provider, normalised URL) backs the same-provider rule.
 */
public final class SiteService {
    private final Transactions transactions;
    private final SiteRepository sites;
    private final UserService users;
    private final SecretBox secrets;
    private final Tokens tokens;
    private final Clock clock;

    public SiteService(Transactions transactions, SiteRepository sites, UserService users,
            SecretBox secrets, Tokens tokens, Clock clock) {
        this.transactions = transactions;
        this.sites = sites;
        this.users = users;
        this.secrets = secrets;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The result of {@code site/add}: a new site, or the URL as a duplicate. */
    public sealed interface Added {
        /** A created site with its plugin credentials. */
        record Created(long siteId, Credentials api) implements Added {
        }

        /** The URL is already taken (answered 200 with {@code error}, as scripts expect). */
        record Duplicate(String url) implements Added {
        }
    }

    /** A site's plugin credentials as shown to its provider. */
    public record Credentials(long id, String secret) {
    }

    public Added add(HostCall call, Fields fields) {
        String url = fields.requiredText("url", SiteUrl.MAX_LENGTH);
        SiteUrl.validate(url);
        long userId = fields.requiredInteger("userid");
        boolean strict = fields.optionalBoolean("strict").orElse(false);
        String norm = SiteUrl.normalize(url);
        String secret = tokens.alphanumeric(40);
        Instant now = now();
        return transactions.inTransaction(handle -> {
            Locks.lockUrl(handle, norm);
            users.owned(handle, call.providerId(), userId);
            boolean duplicate = sites.findByNormalizedUrl(handle, call.providerId(), norm)
                    .isPresent() || (strict && sites.existsAnywhere(handle, norm));
            if (duplicate) {
                call.auditSuccess(handle, now);
                return new Added.Duplicate(url);
            }
            long siteId = sites.insertSite(handle, call.providerId(), userId, url, norm, now);
            long credentialId = sites.insertCredential(handle, siteId, now);
            sites.setSecret(handle, credentialId, secrets.encrypt(secret, credentialId));
            call.target("site", siteId);
            call.auditSuccess(handle, now);
            return new Added.Created(siteId, new Credentials(credentialId, secret));
        });
    }

    /** The provider's site with this URL's normal form: zero or one element. */
    public List<Found> search(HostCall call, Fields fields) {
        String url = fields.requiredText("url", SiteUrl.MAX_LENGTH);
        SiteUrl.validate(url);
        String norm = SiteUrl.normalize(url);
        return transactions.read(handle -> sites.findByNormalizedUrl(handle, call.providerId(),
                        norm))
                .map(site -> {
                    call.target("site", site.id());
                    return List.of(new Found(site.id(), site.url(), credentials(site)));
                })
                .orElse(List.of());
    }

    /** One search hit. */
    public record Found(long siteId, String url, Credentials api) {
    }

    public void edit(HostCall call, long siteId, Fields fields) {
        call.target("site", siteId);
        transactions.read(handle -> owned(handle, call.providerId(), siteId));
        String url = fields.requiredText("url", SiteUrl.MAX_LENGTH);
        SiteUrl.validate(url);
        String norm = SiteUrl.normalize(url);
        Instant now = now();
        transactions.useTransaction(handle -> {
            Locks.lockUrl(handle, norm);
            owned(handle, call.providerId(), siteId);
            Optional<Site> clash = sites.findByNormalizedUrl(handle, call.providerId(), norm)
                    .filter(other -> other.id() != siteId);
            if (clash.isPresent()) {
                throw new InvalidInputException("The site " + url + " has already been added.");
            }
            sites.updateUrl(handle, siteId, url, norm);
            call.auditSuccess(handle, now);
        });
    }

    public void delete(HostCall call, long siteId) {
        call.target("site", siteId);
        Instant now = now();
        transactions.useTransaction(handle -> {
            owned(handle, call.providerId(), siteId);
            sites.delete(handle, siteId, now);
            call.auditSuccess(handle, now);
        });
    }

    /** The site {@code siteId} of the provider: 404 when none, 403 when another's. */
    public Site owned(Handle handle, long providerId, long siteId) {
        Site site = sites.find(handle, siteId)
                .orElseThrow(() -> new NotFoundException("No site with id " + siteId + "."));
        if (site.providerId() != providerId) {
            throw new ForbiddenException("The site " + siteId
                    + " belongs to another hosting provider.");
        }
        return site;
    }

    public Credentials credentials(Site site) {
        return new Credentials(site.credentialId(),
                secrets.decrypt(site.secretCiphertext(), site.credentialId()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
