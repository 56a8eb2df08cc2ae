package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PatchstackMatcherTest {
    /** Shaped like the vendor's Ninja Forms example: a fix back-ported to two older branches. */
    private static final PatchstackRecord BACKPORTED = new PatchstackRecord("ninja-forms", "",
            "<= 3.6.10", "3.6.11", List.of(
                    new PatchedRange("3.5.0", "3.5.8.3", "3.5.8.4"),
                    new PatchedRange("3.4.0", "3.4.34.1", "3.4.34.2")));

    private final PatchstackMatcher matcher = new PatchstackMatcher(PatchstackStrategy.STANDARD);

    @ParameterizedTest(name = "{0} is fixed in {1}")
    @CsvSource({
        "3.5.0, 3.5.8.4",
        "3.5.8.3, 3.5.8.4",
        "V3.5.1, 3.5.8.4",
        "3.4.34.1, 3.4.34.2",
        "3.6.0, 3.6.11",
        "3.6.10, 3.6.11",
        "3.3.9, 3.6.11",
        "3, 3.6.11"})
    void evaluate_vulnerableVersion_reportsFixOfMatchingBranch(String version, String fixedIn) {
        PatchstackVerdict verdict = matcher.evaluate(BACKPORTED, version);

        assertThat(verdict).isEqualTo(new PatchstackVerdict.Vulnerable(fixedIn));
        assertThat(verdict.state()).isEqualTo(MatchState.VULNERABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"3.5.8.4", "3.5.9", "3.5.9-beta", "3.05.10", "3.4.34.2", "3.6.11", "4.0"})
    void evaluate_fixedOrNewerVersion_isNotVulnerable(String version) {
        PatchstackVerdict verdict = matcher.evaluate(BACKPORTED, version);

        assertThat(verdict).isEqualTo(new PatchstackVerdict.NotVulnerable());
        assertThat(verdict.state()).isEqualTo(MatchState.NOT_VULNERABLE);
    }

    @Test
    void evaluate_branchVersionBelowItsSpan_isNotVulnerable() {
        PatchstackRecord record = new PatchstackRecord("example", "", "<= 2.0", "2.1",
                List.of(new PatchedRange("1.5.3", "1.5.7", "1.5.8")));

        PatchstackVerdict verdict = matcher.evaluate(record, "1.5.2");

        assertThat(verdict).isEqualTo(new PatchstackVerdict.NotVulnerable());
    }

    @Test
    void evaluate_rangeWithoutTwoNumericParts_definesNoBranch() {
        PatchstackRecord record = new PatchstackRecord("example", "", "<= 7.1", "7.2",
                List.of(new PatchedRange("6", "6", "6.0.1")));

        PatchstackVerdict verdict = matcher.evaluate(record, "6.5");

        assertThat(verdict).isEqualTo(new PatchstackVerdict.Vulnerable("7.2"));
    }

    @Test
    void evaluate_noRanges_usesAffectedIn() {
        PatchstackRecord record = new PatchstackRecord("example", "", "1.0-2.0", "", List.of());

        PatchstackVerdict inside = matcher.evaluate(record, "1.5");
        PatchstackVerdict outside = matcher.evaluate(record, "2.0.0");

        assertThat(inside).isEqualTo(new PatchstackVerdict.Vulnerable(""));
        assertThat(outside).isEqualTo(new PatchstackVerdict.NotVulnerable());
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(value = {"''", "'  '", "'\t'"}, quoteCharacter = '\'')
    void evaluate_emptyVersion_isUnknown(String version) {
        PatchstackRecord everything = new PatchstackRecord("example", "", "*", "", List.of());

        PatchstackVerdict verdict = matcher.evaluate(everything, version);

        assertThat(verdict)
                .isEqualTo(new PatchstackVerdict.Unknown("the installed version is empty"));
        assertThat(verdict.state()).isEqualTo(MatchState.UNKNOWN);
    }

    @Test
    void applies_slugsDifferingInCase_areEqual() {
        PatchstackRecord record = new PatchstackRecord("Ninja-Forms", "", "*", "", List.of());

        boolean applies = matcher.applies(record, "NINJA-forms", "Ninja Forms");
        boolean other = matcher.applies(record, "ninja-forms-pro", "Ninja Forms");

        assertThat(applies).isTrue();
        assertThat(other).isFalse();
    }

    @Test
    void applies_premiumName_mustEqualDecodedTrimmedInstalledName() {
        PatchstackRecord record = new PatchstackRecord("forms", " Forms &amp; More &#8211; Pro",
                "*", "", List.of());

        boolean same = matcher.applies(record, "forms", "Forms & More \u2013 Pro ");
        boolean encoded = matcher.applies(record, "forms", "Forms &amp; More &ndash; Pro");
        boolean free = matcher.applies(record, "forms", "Forms & More");

        assertThat(same).isTrue();
        assertThat(encoded).isTrue();
        assertThat(free).isFalse();
    }

    @Test
    void applies_blankPremiumName_restrictsNothing() {
        PatchstackRecord record = new PatchstackRecord("forms", " ", "*", "", List.of());

        boolean applies = matcher.applies(record, "forms", "");

        assertThat(applies).isTrue();
    }

    @Test
    void record_blankAffectedInWithoutRanges_isRejected() {
        assertThatThrownBy(() -> new PatchstackRecord("forms", "", " ", "1.1", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Patchstack record for 'forms' has a blank affected_in and no "
                        + "patched_in_ranges: no affected version");
    }

    @Test
    void evaluate_blankAffectedInWithRanges_judgesOnlyBySpans() {
        PatchstackRecord record = new PatchstackRecord("forms", "", "", "",
                List.of(new PatchedRange("2.1.0", "2.1.4", "2.1.5")));

        PatchstackVerdict inside = matcher.evaluate(record, "2.1.4");
        PatchstackVerdict elsewhere = matcher.evaluate(record, "1.0");

        assertThat(inside).isEqualTo(new PatchstackVerdict.Vulnerable("2.1.5"));
        assertThat(elsewhere).isEqualTo(new PatchstackVerdict.NotVulnerable());
    }

    @Test
    void patchedRange_blankBound_isRejected() {
        assertThatThrownBy(() -> new PatchedRange(" ", "1.0", "1.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patched_in_ranges bounds must not be blank: from ' ', to '1.0'");
    }

    @Test
    void patchedRange_fromAboveTo_isRejected() {
        assertThatThrownBy(() -> new PatchedRange("3.5.9", "3.5.8", "3.5.10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patched_in_ranges from_version '3.5.9' is above its to_version "
                        + "'3.5.8'");
    }
}
