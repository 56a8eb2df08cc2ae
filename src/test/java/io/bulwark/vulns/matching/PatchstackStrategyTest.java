package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

final class PatchstackStrategyTest {
    @ParameterizedTest(name = "{0} vs {1} is {2} {3}")
    @CsvFileSource(resources = "/vulns/matching/patchstack-decimal.csv", numLinesToSkip = 1)
    void compare_decimalVector_returnsLibraryAnswer(String first, String second, int expected,
            String note) {
        int result = PatchstackStrategy.DECIMAL_NORMALIZED.compare(first, second);

        assertThat(result).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1} is {2}")
    @CsvFileSource(resources = "/vulns/matching/php-version-compare.csv", numLinesToSkip = 1)
    void compare_standard_isPhpVersionCompare(String first, String second, int expected) {
        int result = PatchstackStrategy.STANDARD.compare(first, second);

        assertThat(result).isEqualTo(expected);
    }

    @Test
    void compare_decimalWithOperator_usesPaddedVersions() {
        boolean above = PatchstackStrategy.DECIMAL_NORMALIZED.compare("3.5", "3.41", ">");
        boolean standardAbove = PatchstackStrategy.STANDARD.compare("3.5", "3.41", ">");

        assertThat(above).isTrue();
        assertThat(standardAbove).isFalse();
    }
}
