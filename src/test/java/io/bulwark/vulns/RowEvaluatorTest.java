package io.bulwark.vulns;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.vulns.matching.PatchedRange;
import io.bulwark.vulns.matching.PatchstackRecord;
import io.bulwark.vulns.matching.WordfenceInterval;
import io.bulwark.vulns.matching.WordfenceSoftware;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RowEvaluatorTest {
    private final RowEvaluator evaluator = new RowEvaluator();

    private static SoftwareRow row(String type, String file, String version) {
        return new SoftwareRow(1, 0, type, "Example", file, file, version, "", "unknown");
    }

    private static Candidate wordfence(String id, String type, String slug, String from,
            String to, List<String> patched) {
        WordfenceInterval interval = new WordfenceInterval(from, true, to, true);
        return new Candidate(FeedFormat.WORDFENCE, id, false, false, List.of(
                new FeedEntry.Wordfence("", new WordfenceSoftware(type, slug, List.of(interval),
                        patched))));
    }

    @ParameterizedTest
    @CsvSource({
        "plugin, akismet/akismet.php, plugin, akismet",
        "plugin, hello.php, plugin, hello",
        "plugin, Akismet/akismet.php, plugin, Akismet",
        "theme, twentytwentyfour, theme, twentytwentyfour",
        "wordpress, '', core, wordpress"})
    void installed_rowOfEachType_looksUpTheFeedsSlug(String type, String file, String feedType,
            String slug) {
        SoftwareRow row = row(type, file, "1.0");

        Optional<SoftwareRow.Installed> installed = row.installed();

        assertThat(installed).hasValue(new SoftwareRow.Installed(feedType, slug));
    }

    @Test
    void installed_phpAndDatabase_haveNoLookup() {
        assertThat(row("php", "", "8.2.36").installed()).isEmpty();
        assertThat(row("database", "", "10.11.6-MariaDB").installed()).isEmpty();
    }

    @Test
    void evaluate_wordfenceRecordWithOtherCase_doesNotMatchAsTheScannerSays() {
        Candidate record = wordfence("w1", "plugin", "akismet", "*", "5.0", List.of("5.0.1"));

        RowEvaluator.Outcome outcome = evaluator.evaluate(row("plugin", "Akismet/a.php", "4.0"),
                List.of(record), true);

        assertThat(outcome.state()).isEqualTo(VulnerabilityState.NOT_VULNERABLE);
        assertThat(outcome.hits()).isEmpty();
    }

    @Test
    void evaluate_patchstackRecordWithOtherCase_matchesAsItsLibrarySays() {
        Candidate record = new Candidate(FeedFormat.PATCHSTACK, "7", false, false, List.of(
                new FeedEntry.Patchstack("plugin", "", new PatchstackRecord("akismet", "",
                        "<= 5.0", "5.0.1", List.of()))));

        RowEvaluator.Outcome outcome = evaluator.evaluate(row("plugin", "Akismet/a.php", "4.0"),
                List.of(record), false);

        assertThat(outcome.state()).isEqualTo(VulnerabilityState.VULNERABLE);
        assertThat(outcome.hits()).containsExactly(new RowEvaluator.Hit(
                FeedFormat.PATCHSTACK, "7", "5.0.1"));
    }

    @Test
    void evaluate_wordpressSeven_insideAnIntervalWrittenWithThreeParts() {
        Candidate record = wordfence("w2", "core", "wordpress", "7.0.0", "7.0.3",
                List.of("7.0.4"));

        RowEvaluator.Outcome outcome = evaluator.evaluate(row("wordpress", "", "7.0"),
                List.of(record), true);

        assertThat(outcome.state()).isEqualTo(VulnerabilityState.VULNERABLE);
        assertThat(outcome.hits()).extracting(RowEvaluator.Hit::fixedIn).containsExactly("7.0.4");
    }

    @Test
    void evaluate_mutedMatch_setsNoFlagButIsKept() {
        Candidate muted = new Candidate(FeedFormat.WORDFENCE, "w3", false, true, wordfence("w3",
                "plugin", "carousel", "*", "1.8", List.of()).entries());

        RowEvaluator.Outcome outcome = evaluator.evaluate(row("plugin", "carousel/c.php", "1.8"),
                List.of(muted), true);

        assertThat(outcome.state()).isEqualTo(VulnerabilityState.NOT_VULNERABLE);
        assertThat(outcome.hits()).extracting(RowEvaluator.Hit::recordId).containsExactly("w3");
    }

    @Test
    void evaluate_premiumNameDiffers_recordDoesNotApply() {
        Candidate record = new Candidate(FeedFormat.PATCHSTACK, "8", false, false, List.of(
                new FeedEntry.Patchstack("plugin", "", new PatchstackRecord("forms",
                        "Forms &amp; More Pro", "*", "", List.of(new PatchedRange("1.0", "1.1",
                        "1.2"))))));

        RowEvaluator.Outcome outcome = evaluator.evaluate(row("plugin", "forms/f.php", "1.0"),
                List.of(record), true);

        assertThat(outcome.state()).isEqualTo(VulnerabilityState.NOT_VULNERABLE);
    }

    @ParameterizedTest
    @CsvSource({
        "*, true, 4.0.2, true, '4.0.3', 4.0.3",
        "*, true, 4.0.2, true, '4.1.0;4.0.3;3.9', 4.0.3",
        "3.7, true, 3.7.13, true, '3.7.14;4.9.2', 3.7.14",
        "*, true, 3.7, false, '3.7', 3.7",
        "1.0, true, *, true, '', ''",
        "*, true, 2.0, true, '', ''"})
    void fixOf_matchedInterval_lowestPatchedVersionAboveIt(String from, boolean fromInclusive,
            String to, boolean toInclusive, String patched, String fix) {
        WordfenceInterval interval = new WordfenceInterval(from, fromInclusive, to, toInclusive);
        List<String> versions = patched.isEmpty() ? List.of() : List.of(patched.split(";"));

        String found = RowEvaluator.fixOf(new WordfenceSoftware("plugin", "x", List.of(interval),
                versions), interval);

        assertThat(found).isEqualTo(fix);
    }
}
