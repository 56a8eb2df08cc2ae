package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

final class PatchstackAffectedInTest {
    private final PatchstackAffectedIn standard =
            new PatchstackAffectedIn(PatchstackStrategy.STANDARD);
    private final PatchstackAffectedIn decimal =
            new PatchstackAffectedIn(PatchstackStrategy.DECIMAL_NORMALIZED);

    @ParameterizedTest(name = "''{0}'' in ''{1}'': {2}")
    @CsvFileSource(resources = "/vulns/matching/patchstack-affected-in.csv", numLinesToSkip = 1)
    void isVulnerable_standardVector_returnsLibraryAnswer(String current, String affectedIn,
            boolean expectedStandard, boolean expectedDecimal) {
        boolean result = standard.isVulnerable(current, affectedIn);

        assertThat(result).isEqualTo(expectedStandard);
    }

    @ParameterizedTest(name = "''{0}'' in ''{1}'': {3}")
    @CsvFileSource(resources = "/vulns/matching/patchstack-affected-in.csv", numLinesToSkip = 1)
    void isVulnerable_decimalVector_returnsLibraryAnswer(String current, String affectedIn,
            boolean expectedStandard, boolean expectedDecimal) {
        boolean result = decimal.isVulnerable(current, affectedIn);

        assertThat(result).isEqualTo(expectedDecimal);
    }

    @Test
    void isVulnerable_phpTrimCharacters_areTrimmedOthersAreNot() {
        boolean tabsAndNul = standard.isVulnerable("\t\u0000\u000B1.0\r\n", "<= 1.0");
        boolean noBreakSpace = standard.isVulnerable("\u00A0", "*");

        assertThat(tabsAndNul).isTrue();
        assertThat(noBreakSpace).isTrue();
    }

    @Test
    void isVulnerable_nonAsciiUpperCase_isNotLowerCased() {
        boolean ascii = standard.isVulnerable("1.0-BETA", "1.0-beta");
        boolean dotlessI = standard.isVulnerable("1.0-\u0130", "1.0-i\u0307");

        assertThat(ascii).isTrue();
        assertThat(dotlessI).isFalse();
    }

    @Test
    void isVulnerable_nullExpression_throwsNamingArgument() {
        assertThatThrownBy(() -> standard.isVulnerable("1.0", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("affectedIn");
    }
}
