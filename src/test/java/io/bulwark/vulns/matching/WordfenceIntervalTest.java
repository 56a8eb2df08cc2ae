package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

final class WordfenceIntervalTest {
    @ParameterizedTest(name = "{0}: ''{1}'' -> {8}")
    @CsvFileSource(resources = "/vulns/matching/wordfence-intervals.csv", numLinesToSkip = 1)
    void contains_specVector_returnsScannerAnswer(String id, String installed, String from,
            boolean fromInclusive, String to, boolean toInclusive, String scanner, String php,
            String bulwark) {
        WordfenceIntervalReading reading = WordfenceInterval.read(
                interval(from, fromInclusive, to, toInclusive));

        if (bulwark.equals("unreadable")) {
            assertThat(scanner).isEqualTo("no");
            assertThat(reading).isEqualTo(new WordfenceIntervalReading.Unreadable(
                    "from_version '" + from + "' is above to_version '" + to + "'"));
        } else {
            assertThat(bulwark).isEqualTo(scanner);
            assertThat(reading).isInstanceOf(WordfenceIntervalReading.Readable.class);
            WordfenceInterval interval = ((WordfenceIntervalReading.Readable) reading).interval();
            assertThat(interval.contains(installed)).isEqualTo(scanner.equals("yes"));
        }
    }

    @ParameterizedTest(name = "{0}: ''{1}'' -> {7}")
    @CsvFileSource(resources = "/vulns/matching/wordfence-intervals.csv", numLinesToSkip = 1)
    void phpOnSameInterval_specVector_returnsPhpColumn(String id, String installed, String from,
            boolean fromInclusive, String to, boolean toInclusive, String scanner, String php,
            String bulwark) {
        boolean lower = from.equals("*")
                || PhpVersionCompare.compare(installed, from, fromInclusive ? ">=" : ">");
        boolean upper = to.equals("*")
                || PhpVersionCompare.compare(installed, to, toInclusive ? "<=" : "<");

        assertThat(lower && upper).isEqualTo(php.equals("yes"));
    }

    @Test
    void read_completeInterval_isReadable() {
        WordfenceIntervalReading reading = WordfenceInterval.read(interval("*", true, "4.0.2",
                true));

        assertThat(reading).isEqualTo(new WordfenceIntervalReading.Readable(
                new WordfenceInterval("*", true, "4.0.2", true)));
    }

    @Test
    void read_missingFlag_isUnreadableNotDefaulted() {
        Map<String, Object> json = interval("1.0", true, "2.0", true);
        json.remove("to_inclusive");

        WordfenceIntervalReading reading = WordfenceInterval.read(json);

        assertThat(reading).isEqualTo(new WordfenceIntervalReading.Unreadable(
                "to_inclusive is missing"));
    }

    @Test
    void read_flagsOfOtherTypes_areUnreadable() {
        Map<String, Object> text = interval("1.0", true, "2.0", true);
        text.put("from_inclusive", "true");
        Map<String, Object> number = interval("1.0", true, "2.0", true);
        number.put("to_inclusive", 1);
        Map<String, Object> nothing = interval("1.0", true, "2.0", true);
        nothing.put("from_inclusive", null);

        assertThat(WordfenceInterval.read(text)).isEqualTo(new WordfenceIntervalReading.Unreadable(
                "from_inclusive must be a JSON boolean, found String true"));
        assertThat(WordfenceInterval.read(number)).isEqualTo(
                new WordfenceIntervalReading.Unreadable(
                        "to_inclusive must be a JSON boolean, found Integer 1"));
        assertThat(WordfenceInterval.read(nothing)).isEqualTo(
                new WordfenceIntervalReading.Unreadable(
                        "from_inclusive must be a JSON boolean, found null"));
    }

    @Test
    void read_boundThatIsNotAString_isUnreadable() {
        Map<String, Object> json = interval("1.0", true, "2.0", true);
        json.put("to_version", 2.0);

        WordfenceIntervalReading reading = WordfenceInterval.read(json);

        assertThat(reading).isEqualTo(new WordfenceIntervalReading.Unreadable(
                "to_version must be a JSON string, found Double 2.0"));
    }

    @Test
    void constructor_fromAboveTo_isRejected() {
        assertThatThrownBy(() -> new WordfenceInterval("2.0", true, "1.0", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("from_version '2.0' is above to_version '1.0'");
    }

    @Test
    void contains_exclusiveStarBounds_containsEverything() {
        WordfenceInterval everything = new WordfenceInterval("*", false, "*", false);

        assertThat(everything.contains("")).isTrue();
        assertThat(everything.contains("v9")).isTrue();
    }

    @Test
    void contains_emptyBoundText_isComparedAsAVersion() {
        WordfenceInterval fromEmpty = new WordfenceInterval("", true, "1.0", true);

        assertThat(fromEmpty.contains("foo")).isTrue();
        assertThat(fromEmpty.contains("dev")).isTrue();
        assertThat(fromEmpty.contains("1.0.1")).isFalse();
    }

    private static Map<String, Object> interval(String from, boolean fromInclusive, String to,
            boolean toInclusive) {
        Map<String, Object> json = new HashMap<>();
        json.put("from_version", from);
        json.put("from_inclusive", fromInclusive);
        json.put("to_version", to);
        json.put("to_inclusive", toInclusive);
        return json;
    }
}
