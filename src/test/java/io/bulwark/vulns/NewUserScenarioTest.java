package io.bulwark.vulns;

import static io.bulwark.vulns.WordfenceFeedWriter.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bulwark.portal.MatchedVulnerability;
import io.bulwark.sites.SiteView;
import io.bulwark.vulns.Testbed.Item;
import io.bulwark.vulns.WordfenceFeedWriter.Interval;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import io.bulwark.vulns.WordfenceFeedWriter.Software;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A new operator imports the whole Wordfence feed while sites already report inventories: each
 * row must end in exactly the state the feed's own scanner supports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewUserScenarioTest {
    private static final String FEED = WordfenceFeedWriter.feed(
            Record.of("11111111-0000-0000-0000-000000000001",
                    plugin("contact-form-7", "5.8.3", "5.8.4")),
            Record.of("11111111-0000-0000-0000-000000000002", plugin("akismet", "5.3", "5.3.1")),
            Record.of("11111111-0000-0000-0000-000000000003", new Software("plugin",
                    "wordpress-seo", List.of(new Interval("21.0", true, "21.5", true)),
                    List.of("21.6"))),
            Record.of("11111111-0000-0000-0000-000000000004", new Software("core", "wordpress",
                    List.of(new Interval("6.4", true, "6.4.2", false)), List.of("6.4.2"))),
            Record.of("11111111-0000-0000-0000-000000000005", plugin("hello", "1.7.2", "")));

    private static final List<Item> INVENTORY = List.of(
            Item.plugin("contact-form-7/wp-contact-form-7.php", "5.8.1"),
            Item.plugin("akismet/akismet.php", "5.3.1"),
            new Item("plugin", "Yoast SEO", "wordpress-seo/wp-seo.php", "20.0", "22.0"),
            Item.plugin("my-private/my-private.php", "1.0"),
            Item.theme("twentytwentyfour", "1.0"),
            Item.core("6.4.1"),
            Item.php("8.2.36"),
            Item.plugin("hello.php", "1.7.2"));

    private final Testbeds testbeds = new Testbeds();

    @AfterAll
    void close() {
        testbeds.close();
    }

    static List<String> kinds() {
        return Testbeds.kinds().toList();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void completeImport_existingInventory_everyRowGetsTheScannersAnswer(String kind) {
        Testbed testbed = testbeds.get(kind);
        long siteId = testbed.addSite();
        SiteVulnerabilities.Summary before = testbed.upload(siteId, INVENTORY);

        FeedJobs.Outcome outcome = testbed.importFeed(FeedFormat.WORDFENCE, FEED, true, false);

        assertThat(before.known()).isFalse();
        assertThat(outcome.summary().complete()).isTrue();
        assertThat(testbed.states(siteId)).containsExactly("vulnerable", "not_vulnerable",
                "not_vulnerable", "not_vulnerable", "not_vulnerable", "vulnerable", "unknown",
                "vulnerable");
        assertThat(testbed.count("SELECT COUNT(*) FROM sites WHERE id = " + siteId
                + " AND vulnerabilities_as_of IS NOT NULL")).isEqualTo(1);
        SiteVulnerabilities.Summary summary = testbed.summary(siteId);
        assertThat(summary).isEqualTo(new SiteVulnerabilities.Summary(true,
                List.of("contact-form-7/wp-contact-form-7.php", "hello.php"), 3, 2));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void upload_afterCompleteImport_evaluatedInTheSameTransaction(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, FEED, true, false);
        long siteId = testbed.addSite();

        SiteVulnerabilities.Summary summary = testbed.upload(siteId, INVENTORY);

        assertThat(testbed.states(siteId)).containsExactly("vulnerable", "not_vulnerable",
                "not_vulnerable", "not_vulnerable", "not_vulnerable", "vulnerable", "unknown",
                "vulnerable");
        assertThat(summary.vulnerablePlugins())
                .containsExactly("contact-form-7/wp-contact-form-7.php", "hello.php");
        List<SiteView.Software> view = testbed.transactions.read(handle ->
                SiteView.software(handle, siteId));
        assertThat(view).filteredOn(SiteView.Software::isVulnerable)
                .extracting(SiteView.Software::name)
                .containsExactlyInAnyOrder("contact-form-7/wp-contact-form-7.php", "hello.php",
                        "WordPress");
        List<SiteVulnerabilities.Match> matches = testbed.matches(siteId);
        assertThat(matches).extracting(SiteVulnerabilities.Match::position,
                SiteVulnerabilities.Match::fixedIn).containsExactly(
                tuple(0, "5.8.4"),
                tuple(5, "6.4.2"),
                tuple(7, ""));
        assertThat(matches.get(0).notice()).startsWith("This record contains material")
                .contains("Copyright 2012-2024 Defiant Inc.");
        assertThat(matches.get(0).link()).isEqualTo("https://www.wordfence.com/threat-intel/"
                + "vulnerabilities/id/11111111-0000-0000-0000-000000000001");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void portalDetails_vulnerableCore_recordWithAttributionAndFix(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, FEED, true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, INVENTORY);
        PortalVulnerabilities portal = new PortalVulnerabilities(testbed.sites);

        List<MatchedVulnerability> details = testbed.transactions.read(handle ->
                portal.forSoftware(handle, siteId, SiteView.software(handle, siteId).stream()
                        .filter(row -> row.type().equals("wordpress")).findFirst()
                        .orElseThrow()));

        assertThat(details).hasSize(1);
        MatchedVulnerability core = details.get(0);
        assertThat(core.title()).isEqualTo("Record 11111111-0000-0000-0000-000000000004");
        assertThat(core.fixedIn()).hasValue("6.4.2");
        assertThat(core.source()).isEqualTo("Wordfence Intelligence");
        assertThat(core.severity()).isEqualTo("Medium");
        assertThat(core.link()).hasValue("https://www.wordfence.com/threat-intel/"
                + "vulnerabilities/id/11111111-0000-0000-0000-000000000004");
        assertThat(core.notice()).contains("Copyright 2012-2024 Defiant Inc.");
        assertThat(core.muted()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void incompleteImport_rowsWithoutRecord_stayUnknownButMatchesFlag(String kind) {
        Testbed testbed = testbeds.get(kind);
        long siteId = testbed.addSite();
        testbed.upload(siteId, INVENTORY);

        testbed.importFeed(FeedFormat.WORDFENCE, FEED, false, false);

        assertThat(testbed.states(siteId)).containsExactly("vulnerable", "unknown", "unknown",
                "unknown", "unknown", "vulnerable", "unknown", "vulnerable");
        assertThat(testbed.count("SELECT COUNT(*) FROM sites WHERE id = " + siteId
                + " AND vulnerabilities_as_of IS NULL")).isEqualTo(1);
        assertThat(testbed.summary(siteId).known()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void upload_emptyVersionAndInformationalRecord_unknownAndNoFlag(String kind) {
        Testbed testbed = testbeds.get(kind);
        String feed = WordfenceFeedWriter.feed(new Record("22222222-0000-0000-0000-000000000001",
                "Informational", true, List.of(plugin("jetpack", "13.0", "13.1")), ""),
                Record.of("22222222-0000-0000-0000-000000000002",
                        plugin("classic-editor", "1.6", "1.6.1")));
        testbed.importFeed(FeedFormat.WORDFENCE, feed, true, false);
        long siteId = testbed.addSite();

        testbed.upload(siteId, List.of(Item.plugin("jetpack/jetpack.php", "12.0"),
                Item.plugin("classic-editor/classic-editor.php", " ")));

        assertThat(testbed.states(siteId)).containsExactly("not_vulnerable", "unknown");
        assertThat(testbed.matches(siteId))
                .extracting(SiteVulnerabilities.Match::informational).containsExactly(true);
    }
}
