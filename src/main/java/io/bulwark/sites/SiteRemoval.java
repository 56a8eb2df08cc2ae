package io.bulwark.sites;

import io.bulwark.users.UserSites;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The sites feature's side of deleting a user: its sites go in the same transaction. */
public final class SiteRemoval implements UserSites {
    private final SiteRepository sites;
    private final Clock clock;

    public SiteRemoval(SiteRepository sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    @Override
    public List<SiteRef> sitesOf(Handle handle, long userId) {
        return sites.listByUser(handle, userId);
    }

    @Override
    public void removeAllOf(Handle handle, long userId) {
        for (SiteRef site : sites.listByUser(handle, userId)) {
            sites.delete(handle, site.id(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
    }
}
