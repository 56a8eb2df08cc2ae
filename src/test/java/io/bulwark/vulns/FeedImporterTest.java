package io.bulwark.vulns;

import static io.bulwark.vulns.WordfenceFeedWriter.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.db.JobLeases;
import io.bulwark.errors.ConflictException;
import io.bulwark.errors.InvalidInputException;
import io.bulwark.vulns.Testbed.Item;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedImporterTest {
    private final Testbeds testbeds = new Testbeds();

    @AfterAll
    void close() {
        testbeds.close();
    }

    static List<String> kinds() {
        return Testbeds.kinds().toList();
    }

    /** {@code count} records, one plugin each, ids and slugs numbered from {@code first}. */
    static String generated(int first, int count) {
        Record[] records = new Record[count];
        for (int index = 0; index < count; index++) {
            int number = first + index;
            records[index] = Record.of(String.format("00000000-0000-0000-0000-%012d", number),
                    plugin("plugin-" + number, "1." + number, "1." + number + ".1"));
        }
        return WordfenceFeedWriter.feed(records);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_generatedFeedOfSeveralChunks_storesEveryRecordWithAttribution(String kind) {
        Testbed testbed = testbeds.get(kind);

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 2500),
                false, false).summary();

        assertThat(summary).isEqualTo(new ImportSummary(FeedFormat.WORDFENCE, 2500, 2500, 0, 0,
                0, List.of(), 0, "", "", false));
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(2500);
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_software")).isEqualTo(2500);
        assertThat(testbed.texts("SELECT title || '|' || cve || '|' || cvss_rating || '|' "
                + "|| link FROM vuln_records "
                + "WHERE record_id = '00000000-0000-0000-0000-000000000007'"))
                .containsExactly("Record 00000000-0000-0000-0000-000000000007|CVE-2099-"
                        + Math.abs("00000000-0000-0000-0000-000000000007".hashCode() % 100000)
                        + "|Medium|https://www.wordfence.com/threat-intel/vulnerabilities/id/"
                        + "00000000-0000-0000-0000-000000000007");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_sameFileTwice_updatesNothingAndDuplicatesNothing(String kind) {
        Testbed testbed = testbeds.get(kind);
        String feed = generated(1, 1200);
        testbed.importFeed(FeedFormat.WORDFENCE, feed, true, false);

        ImportSummary again = testbed.importFeed(FeedFormat.WORDFENCE, feed, true, false)
                .summary();

        assertThat(again.added()).isZero();
        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(1200);
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(1200);
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_software")).isEqualTo(1200);
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_pending_slugs")).isZero();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_recordMovedToAnotherSlug_updatesInPlaceAndReevaluatesBothSlugs(String kind) {
        Testbed testbed = testbeds.get(kind);
        String id = "33333333-0000-0000-0000-000000000001";
        testbed.importFeed(FeedFormat.WORDFENCE, WordfenceFeedWriter.feed(
                Record.of(id, plugin("alpha", "2.0", "2.1"))), true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("alpha/alpha.php", "1.0"),
                Item.plugin("beta/beta.php", "1.0")));

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE,
                WordfenceFeedWriter.feed(Record.of(id, plugin("beta", "2.0", "2.1"))), true,
                false).summary();

        assertThat(summary.changed()).isEqualTo(1);
        assertThat(testbed.states(siteId)).containsExactly("not_vulnerable", "vulnerable");
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_software")).isEqualTo(1);
        assertThat(testbed.matches(siteId)).extracting(SiteVulnerabilities.Match::position)
                .containsExactly(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_truncatedFile_keepsEarlierRecordsAndDeletesNothing(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 1500), false, false);
        String bigger = generated(10_001, 3000);

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE,
                bigger.substring(0, bigger.length() / 2), true, true).summary();

        assertThat(summary.parsedToEnd()).isFalse();
        assertThat(summary.problem()).startsWith("The feed is not complete, valid JSON (at byte ");
        assertThat(summary.pruned()).isZero();
        assertThat(summary.pruneNote())
                .isEqualTo("the file was not read to its end or is not the whole feed, so "
                        + "nothing was deleted");
        assertThat(summary.complete()).isFalse();
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(1500
                + summary.added());
        assertThat(summary.added()).isBetween(1000L, 1500L);
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_import_runs "
                + "WHERE status = 'failed'")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_malformedRecords_skippedWithReasonsAndValidOnesKept(String kind) {
        Testbed testbed = testbeds.get(kind);
        String interval = "\"from_version\": \"*\", \"from_inclusive\": true, ";
        String feed = "{"
                + "\"ok\": {\"title\": \"Fine\", \"software\": [{\"type\": \"plugin\", "
                + "\"slug\": \"fine\", \"name\": \"Fine\", \"affected_versions\": {\"x\": {"
                + interval + "\"to_version\": \"1.0\", \"to_inclusive\": true}}}]},"
                + "\"number-bound\": {\"title\": \"T\", \"software\": [{\"type\": \"plugin\", "
                + "\"slug\": \"a\", \"affected_versions\": {\"x\": {" + interval
                + "\"to_version\": 4.0, \"to_inclusive\": true}}}]},"
                + "\"no-software\": {\"title\": \"T\"},"
                + "\"reversed\": {\"title\": \"T\", \"software\": [{\"type\": \"plugin\", "
                + "\"slug\": \"b\", \"affected_versions\": {\"x\": {\"from_version\": \"2.0\", "
                + "\"from_inclusive\": true, \"to_version\": \"1.0\", \"to_inclusive\": true}}}]},"
                + "\"missing-flag\": {\"title\": \"T\", \"software\": [{\"type\": \"plugin\", "
                + "\"slug\": \"c\", \"affected_versions\": {\"x\": {" + interval
                + "\"to_version\": \"1.0\"}}}]},"
                + "\"string-flag\": {\"title\": \"T\", \"software\": [{\"type\": \"plugin\", "
                + "\"slug\": \"d\", \"affected_versions\": {\"x\": {" + interval
                + "\"to_version\": \"1.0\", \"to_inclusive\": \"true\"}}}]},"
                + "\"not-an-object\": [1, 2]"
                + "}";

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE, feed, false, false)
                .summary();

        assertThat(summary.read()).isEqualTo(7);
        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.skipped()).isEqualTo(6);
        assertThat(summary.parsedToEnd()).isTrue();
        assertThat(summary.examples()).containsExactly(
                new FeedItem.Rejected("number-bound", "software[0].affected_versions[\"x\"]: "
                        + "to_version must be a JSON string, found Double 4.0"),
                new FeedItem.Rejected("no-software",
                        "software must be an array, found nothing (the field is missing)"),
                new FeedItem.Rejected("reversed", "software[0].affected_versions[\"x\"]: "
                        + "from_version '2.0' is above to_version '1.0'"),
                new FeedItem.Rejected("missing-flag",
                        "software[0].affected_versions[\"x\"]: to_inclusive is missing"),
                new FeedItem.Rejected("string-flag", "software[0].affected_versions[\"x\"]: "
                        + "to_inclusive must be a JSON boolean, found String true"));
        assertThat(testbed.texts("SELECT record_id FROM vuln_records")).containsExactly("ok");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_pruneWithMostRecordsPresent_deletesOnlyTheMissingOnes(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 10), true, false);
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("plugin-10/plugin-10.php", "1.0")));

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 9), true,
                true).summary();

        assertThat(summary.pruned()).isEqualTo(1);
        assertThat(summary.pruneNote()).isEmpty();
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(9);
        assertThat(testbed.states(siteId)).containsExactly("not_vulnerable");
        assertThat(testbed.matches(siteId)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_pruneWithFewerThanHalfPresent_deletesNothing(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 10), true, false);

        ImportSummary summary = testbed.importFeed(FeedFormat.WORDFENCE, generated(1, 4), false,
                true).summary();

        assertThat(summary.pruned()).isZero();
        assertThat(summary.pruneNote()).isEqualTo("the file holds 4 records, fewer than half of "
                + "the 10 stored, so nothing was deleted");
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(10);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_emptyOrErrorBody_refusedAndNothingDeleted(String kind) {
        Testbed testbed = testbeds.get(kind);
        testbed.importFeed(FeedFormat.PATCHSTACK, "{\"vulnerabilities\": [" + patchstack(1,
                "\"<= 1.0\"", "[]") + "]}", false, false);

        ImportSummary error = testbed.importFeed(FeedFormat.PATCHSTACK,
                "{\"error\": \"Invalid API key\"}", false, true).summary();
        ImportSummary empty = testbed.importFeed(FeedFormat.WORDFENCE, "", false, true)
                .summary();

        assertThat(error.problem()).isEqualTo("The feed is not in the expected shape (at byte "
                + "28): the file has no 'vulnerabilities' list; it holds the error "
                + "'Invalid API key'");
        assertThat(empty.problem()).isEqualTo("The feed is not in the expected shape (at byte "
                + "0): a Wordfence feed is one JSON object keyed by record id, but the file "
                + "starts with nothing (the file is empty)");
        assertThat(testbed.count("SELECT COUNT(*) FROM vuln_records")).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_completeButEmptyOrAnErrorObject_isNotTakenAsTheWholeFeed(String kind) {
        Testbed testbed = testbeds.get(kind);

        ImportSummary empty = testbed.importFeed(FeedFormat.WORDFENCE, "{}", true, false)
                .summary();
        ImportSummary error = testbed.importFeed(FeedFormat.WORDFENCE,
                "{\"error\": \"rate limited\"}", true, false).summary();

        assertThat(empty.complete()).isFalse();
        assertThat(empty.problem()).startsWith("the file holds 0 valid and 0 rejected records "
                + "against ");
        assertThat(error.complete()).isFalse();
        assertThat(error.problem()).startsWith("the file holds 0 valid and 1 rejected records "
                + "against ");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_patchstackList_normalisesAndMatchesWithBranchRule(String kind) {
        Testbed testbed = testbeds.get(kind);
        String feed = "{\"vulnerabilities\": ["
                + patchstack(48213, "\"<= 3.6.10\"", "[{\"from_version\": \"3.5.0\", "
                        + "\"to_version\": \"3.5.8.3\", \"fixed_in\": \"3.5.8.4\"}]") + ","
                + patchstack(2, "\"<= 1.0\"", "[{\"from_version\": \"2.0\", "
                        + "\"to_version\": \"1.0\", \"fixed_in\": \"2.1\"}]") + ","
                + "{\"id\": \"x\", \"title\": \"no integer id\"}"
                + "], \"next_page\": null}";

        ImportSummary summary = testbed.importFeed(FeedFormat.PATCHSTACK, feed, false, false)
                .summary();
        long siteId = testbed.addSite();
        testbed.upload(siteId, List.of(Item.plugin("example-forms/example-forms.php", "3.5.5"),
                Item.plugin("Example-Forms/main.php", "3.5.9"),
                Item.plugin("example-forms/example-forms.php", "3.6.5"),
                Item.plugin("example-forms/example-forms.php", "v3.6.11")));

        assertThat(summary.added()).isEqualTo(1);
        assertThat(summary.examples()).containsExactly(
                new FeedItem.Rejected("2", "patched_in_ranges from_version '2.0' is above its "
                        + "to_version '1.0'"),
                new FeedItem.Rejected("#3", "id must be an integer, found string \"x\""));
        assertThat(testbed.states(siteId)).containsExactly("vulnerable", "unknown",
                "vulnerable", "unknown");
        assertThat(testbed.matches(siteId)).extracting(SiteVulnerabilities.Match::fixedIn)
                .containsExactly("3.5.8.4", "3.6.11");
        SiteVulnerabilities.Match match = testbed.matches(siteId).get(0);
        assertThat(match.cves()).containsExactly("CVE-2023-12345");
        assertThat(match.cvssScore()).hasValue(6.1);
        assertThat(match.link()).isEqualTo("https://patchstack.example/48213");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void importFeed_completePatchstackOrLeaseHeld_refused(String kind) {
        Testbed testbed = testbeds.get(kind);
        Optional<JobLeases.Lease> held = testbed.leases.tryAcquire(FeedJobs.LEASE, "other-node",
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> testbed.importFeed(FeedFormat.WORDFENCE, "{}", false, false))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("Another feed import or re-evaluation is running "
                        + "(lease 'vulnerability-feed' held by other-node until ");
        held.orElseThrow().close();
        assertThatThrownBy(() -> testbed.importFeed(FeedFormat.PATCHSTACK, "{}", true, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--complete applies to --format wordfence only: only a complete "
                        + "Wordfence import makes components known");
    }

    private static String patchstack(int id, String affectedIn, String ranges) {
        List<String> fields = new ArrayList<>(List.of("\"id\": " + id,
                "\"product_id\": 912", "\"title\": \"Example Forms <= 3.6.10 - XSS\"",
                "\"product_slug\": \"example-forms\"", "\"product_name\": \"Example Forms\"",
                "\"product_name_premium\": null", "\"product_type\": \"Plugin\"",
                "\"cvss_score\": \"6.1\"", "\"cve\": [\"2023-12345\"]",
                "\"affected_in\": " + affectedIn, "\"fixed_in\": \"3.6.11\"",
                "\"patched_in_ranges\": " + ranges,
                "\"direct_url\": \"https://patchstack.example/" + id + "\""));
        return "{" + String.join(", ", fields) + "}";
    }
}
