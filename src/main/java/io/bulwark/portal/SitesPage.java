package io.bulwark.portal;

import java.util.List;
import java.util.Objects;

/** The portal's home: every site of the signed-in customer, by ascending id. */
public record SitesPage(Viewer viewer, List<SiteCard> sites) {
    public SitesPage {
        Objects.requireNonNull(viewer, "viewer");
        sites = List.copyOf(sites);
    }
}
