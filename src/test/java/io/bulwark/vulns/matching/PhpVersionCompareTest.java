package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

final class PhpVersionCompareTest {
    private static final Map<String, Integer> RELATIONS = Map.of("<", -1, "=", 0, ">", 1);

    @ParameterizedTest(name = "{0} vs {1} is {2}")
    @CsvFileSource(resources = "/vulns/matching/php-version-compare.csv", numLinesToSkip = 1)
    void compare_patchstackVector_returnsPhpAnswer(String first, String second, int expected) {
        int result = PhpVersionCompare.compare(first, second);

        assertThat(result).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} vs {2} is {6}")
    @CsvFileSource(resources = "/vulns/matching/wordfence-compare.csv", numLinesToSkip = 1)
    void compare_wordfenceVector_returnsPhpColumn(String id, String first, String second,
            String firstParts, String secondParts, String scanner, String php) {
        int result = PhpVersionCompare.compare(first, second);

        assertThat(result).isEqualTo(RELATIONS.get(php));
    }

    @Test
    void compare_everyOperatorSpelling_followsThreeWayResult() {
        List<String> holdsForBelow = List.of("<", "lt", "<=", "le", "!=", "<>", "ne");
        List<String> failsForBelow = List.of(">", "gt", ">=", "ge", "==", "=", "eq");

        for (String operator : holdsForBelow) {
            assertThat(PhpVersionCompare.compare("1.0", "1.0.0", operator)).as(operator).isTrue();
        }
        for (String operator : failsForBelow) {
            assertThat(PhpVersionCompare.compare("1.0", "1.0.0", operator)).as(operator).isFalse();
        }
    }

    @Test
    void compare_unknownOperator_throwsNamingIt() {
        assertThatThrownBy(() -> PhpVersionCompare.compare("1.0", "1.0", "=>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown version_compare operator '=>': must be one of "
                        + "< lt <= le > gt >= ge == = eq != <> ne");
    }

    @Test
    void compare_trailingSeparatorOnBothSides_isBelowItself() {
        int result = PhpVersionCompare.compare("1.0.", "1.0.");

        assertThat(result).isEqualTo(-1);
    }

    @Test
    void compare_nulByte_endsTheVersionAsInC() {
        int result = PhpVersionCompare.compare("1.0\u0000-beta", "1.0");

        assertThat(result).isZero();
    }

    @Test
    void compare_hashPrefix_skipsCanonicalisation() {
        int canonicalised = PhpVersionCompare.compare("1-0", "1.0");
        int raw = PhpVersionCompare.compare("#1-0", "#1.0");

        assertThat(canonicalised).isZero();
        assertThat(raw).isEqualTo(-1);
    }

    @Test
    void compare_nullVersion_throwsNamingArgument() {
        assertThatThrownBy(() -> PhpVersionCompare.compare(null, "1.0"))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("version1");
    }
}
