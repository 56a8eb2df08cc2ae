package io.bulwark.plugin.status;

import io.bulwark.plugin.RemovedSite;
import io.bulwark.providers.Plan;
import io.bulwark.providers.Provider;
import io.bulwark.providers.ProviderRepository;
import io.bulwark.sites.Site;
import io.bulwark.sites.SiteRepository;
import io.bulwark.users.User;
import io.bulwark.users.UserRepository;
import io.bulwark.web.Html;
import io.bulwark.web.WireTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The reply of {@code /api/license/verify}, from the site owner's plan. Every string is
 * non-null: a missing {@code class} or {@code managed_string} leaves the plugin's licence state
 * stale, and the site shows as disconnected a week later.
 */
final class Licence {
    /** What the plugin reads as "no expiry". */
    private static final String NO_EXPIRY = "2099-12-31 23:59:59";

    private final SiteRepository sites;
    private final UserRepository users;
    private final ProviderRepository providers;

    Licence(SiteRepository sites, UserRepository users, ProviderRepository providers) {
        this.sites = sites;
        this.users = users;
        this.providers = providers;
    }

    Map<String, Object> reply(Handle handle, long siteId, Instant now) {
        Site site = RemovedSite.find(sites, handle, siteId);
        User owner = users.find(handle, site.userId()).orElseThrow();
        Provider provider = providers.find(handle, site.providerId()).orElseThrow();
        Plan plan = owner.plan();
        boolean free = plan.isFreeAt(now);
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("active", true);
        reply.put("free", free);
        reply.put("expires_at", plan.expiresAt().map(WireTimes::plain).orElse(NO_EXPIRY));
        reply.put("class", free ? "" : "premium");
        reply.put("managed", true);
        reply.put("managed_string", "Security for this site is managed by <strong>"
                + Html.escape(provider.name()) + "</strong>.");
        reply.put("site_id", site.id());
        return reply;
    }
}
