package io.bulwark.plugin;

import io.bulwark.db.Locks;
import io.bulwark.errors.UnauthorizedException;
import io.bulwark.sites.Site;
import io.bulwark.sites.SiteRepository;
import java.time.Duration;
import org.jdbi.v3.core.Handle;

/**
 * The one answer, 401, for a plugin call whose site was deleted between its token check and
 * its write: the plugin's token stays valid until then, its site does not.
 */
public final class RemovedSite {
    private RemovedSite() {
    }

    /** Takes the site's lock (waiting at most {@code maxWait}, or unbounded when null). */
    public static void lock(Handle handle, long siteId, Duration maxWait) {
        if (!Locks.lockSite(handle, siteId, maxWait)) {
            throw removed();
        }
    }

    /** The site, read in the caller's transaction. */
    public static Site find(SiteRepository sites, Handle handle, long siteId) {
        return sites.find(handle, siteId).orElseThrow(RemovedSite::removed);
    }

    private static UnauthorizedException removed() {
        return new UnauthorizedException("This site no longer exists.");
    }
}
