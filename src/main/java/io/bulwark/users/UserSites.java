package io.bulwark.users;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What the users feature needs from the sites feature, implemented there: listing a user's
 * sites and removing them with everything attached when the user goes.
 */
public interface UserSites {
    /** A site as listed under its user. */
    record SiteRef(long id, String url) {
    }

    /** The user's live sites by ascending id. */
    List<SiteRef> sitesOf(Handle handle, long userId);

    /** Removes every site of the user in the caller's transaction, tombstoning credentials. */
    void removeAllOf(Handle handle, long userId);
}
