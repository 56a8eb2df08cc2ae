package io.bulwark.vulns;

import static io.bulwark.vulns.WordfenceFeedWriter.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.errors.NotFoundException;
import io.bulwark.vulns.Testbed.Item;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReevaluationTest {
    private static final String ALPHA = "44444444-0000-0000-0000-000000000001";
    private static final String BETA = "44444444-0000-0000-0000-000000000002";

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
    void importFeed_oneRecordChanged_touchesOnlyRowsOfItsSlug(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, WordfenceFeedWriter.feed(
                Record.of(ALPHA, plugin("alpha", "2.0", "2.1")),
                Record.of(BETA, plugin("beta", "2.0", "2.1"))), true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("alpha/alpha.php", "1.0"),
                Item.plugin("beta/beta.php", "1.0")));
        testbed.transactions.useTransaction(handle -> handle.createUpdate("UPDATE software_items "
                + "SET vulnerability_status = 'unknown' WHERE site_id = :site AND position = 1")
                .bind("site", siteId).execute());

        FeedJobs.Outcome outcome = testbed.importFeed(FeedFormat.WORDFENCE,
                WordfenceFeedWriter.feed(Record.of(ALPHA, plugin("alpha", "0.5", "0.6")),
                        Record.of(BETA, plugin("beta", "2.0", "2.1"))), true, false);

        assertThat(outcome.summary().changed()).isEqualTo(1);
        assertThat(outcome.reevaluated().rows()).isEqualTo(1);
        assertThat(testbed.states(siteId)).containsExactly("not_vulnerable", "unknown");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void runPending_failureMidway_resumesWithoutRedoingCommittedBatches(String kind) {
        Testbed testbed = testbeds.get(kind);
        List<Record> records = new ArrayList<>();
        for (int index = 0; index < Reevaluation.SLUGS_PER_STEP; index++) {
            records.add(Record.of(String.format("55555555-0000-0000-0000-%012d", index),
                    plugin(String.format("slug-%03d", index), "1.0", "1.1")));
        }
        testbed.importFeed(FeedFormat.WORDFENCE, WordfenceFeedWriter.feed(
                records.toArray(Record[]::new)), true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("slug-000/a.php", "0.9"),
                Item.plugin("zz-broken/z.php", "0.9")));
        corruptRecordOfSlug(testbed, "zz-broken");
        testbed.transactions.useTransaction(handle -> handle.createUpdate("INSERT INTO "
                + "vuln_pending_slugs (slug_key, generation, after_site_id) SELECT slug_key, 1, 0 "
                + "FROM vuln_software WHERE slug_key LIKE 'slug-%'").execute());
        long queued = testbed.count("SELECT COUNT(*) FROM vuln_pending_slugs");

        assertThatThrownBy(() -> testbed.jobs.reevaluateIfFree())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Stored ranges are not JSON: ");
        long left = testbed.count("SELECT COUNT(*) FROM vuln_pending_slugs");
        testbed.transactions.useTransaction(handle -> handle.createUpdate("DELETE FROM "
                + "vuln_records WHERE record_id = 'broken'").execute());
        Optional<Reevaluation.Result> resumed = testbed.jobs.reevaluateIfFree();

        assertThat(queued).isEqualTo(Reevaluation.SLUGS_PER_STEP + 1);
        assertThat(left).isEqualTo(1);
        assertThat(resumed).hasValue(new Reevaluation.Result(1, 1));
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_pending_slugs")).isZero();
        assertThat(testbed.states(siteId)).containsExactly("vulnerable", "not_vulnerable");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mute_thenUnmute_rowFlagFollowsAndMatchStaysVisible(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, WordfenceFeedWriter.feed(
                Record.of(ALPHA, plugin("alpha", "2.0", "2.1"))), true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("alpha/alpha.php", "1.0")));

        Mutes.Mute mute = testbed.mutes.mute(ALPHA, Optional.empty(), "false positive");
        testbed.jobs.reevaluateIfFree();
        List<String> muted = testbed.states(siteId);
        List<SiteVulnerabilities.Match> mutedMatches = testbed.matches(siteId);
        testbed.mutes.unmute(ALPHA, Optional.empty());
        testbed.jobs.reevaluateIfFree();

        assertThat(mute.reason()).isEqualTo("false positive");
        assertThat(mute.title()).isEqualTo("Record " + ALPHA);
        assertThat(muted).containsExactly("not_vulnerable");
        assertThat(mutedMatches).extracting(SiteVulnerabilities.Match::muted)
                .containsExactly(true);
        assertThat(testbed.states(siteId)).containsExactly("vulnerable");
        assertThat(testbed.mutes.list()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void mute_unknownRecordOrBlankReason_refused(String kind) {
        Testbed testbed = testbeds.get(kind);

        assertThatThrownBy(() -> testbed.mutes.mute("nope", Optional.empty(), "why"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No vulnerability record with id 'nope'");
        assertThatThrownBy(() -> testbed.mutes.unmute("nope", Optional.empty()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No muted record with id 'nope'");
        assertThatThrownBy(() -> testbed.mutes.mute("nope", Optional.empty(), " "))
                .hasMessage("A mute needs a reason (--reason TEXT)");
    }

    private static void corruptRecordOfSlug(Testbed testbed, String slug) {
        testbed.transactions.useTransaction(handle -> {
            handle.createUpdate("INSERT INTO vuln_records (source, record_id, title, cve, "
                    + "cvss_rating, informational, link, notice, content_hash, first_seen_at, "
                    + "changed_at) VALUES ('wordfence', 'broken', 't', '', '', :f, '', '', "
                    + "'h', 0, 0)").bind("f", false).execute();
            handle.createUpdate("INSERT INTO vuln_software (source, record_id, position, "
                    + "sw_type, slug, slug_key, name, ranges) VALUES ('wordfence', 'broken', 0, "
                    + "'plugin', :slug, :slug, '', 'not json')").bind("slug", slug).execute();
            handle.createUpdate("INSERT INTO vuln_pending_slugs (slug_key, generation, "
                    + "after_site_id) VALUES (:slug, 1, 0)").bind("slug", slug).execute();
        });
    }
}
