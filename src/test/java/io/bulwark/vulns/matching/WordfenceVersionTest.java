package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

final class WordfenceVersionTest {
    private static final Map<String, Integer> RELATIONS = Map.of("<", -1, "=", 0, ">", 1);

    @ParameterizedTest(name = "{0}: {1} vs {2} is {5}")
    @CsvFileSource(resources = "/vulns/matching/wordfence-compare.csv", numLinesToSkip = 1)
    void compare_specVector_returnsScannerAnswer(String id, String first, String second,
            String firstParts, String secondParts, String scanner, String php) {
        int result = WordfenceVersion.compare(first, second);
        int reversed = WordfenceVersion.compare(second, first);

        assertThat(result).isEqualTo(RELATIONS.get(scanner));
        assertThat(reversed).isEqualTo(-RELATIONS.get(scanner));
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}, {2} -> {4}")
    @CsvFileSource(resources = "/vulns/matching/wordfence-compare.csv", numLinesToSkip = 1)
    void parse_specVector_yieldsSpecParts(String id, String first, String second,
            String firstParts, String secondParts, String scanner, String php) {
        String parsedFirst = describe(WordfenceVersion.parse(first));
        String parsedSecond = describe(WordfenceVersion.parse(second));

        assertThat(parsedFirst).isEqualTo(firstParts);
        assertThat(parsedSecond).isEqualTo(secondParts);
    }

    @Test
    void parse_anyText_keepsTextUnchanged() {
        WordfenceVersion version = WordfenceVersion.parse(" v1.0-Beta ");

        assertThat(version.text()).isEqualTo(" v1.0-Beta ");
        assertThat(version).hasToString(" v1.0-Beta ");
        assertThat(version.parts()).containsExactly(" v", "1", "0", "Beta ");
    }

    @Test
    void parse_digitsOfOtherScripts_areWords() {
        WordfenceVersion arabicIndic = WordfenceVersion.parse("\u0661.\u0662");

        assertThat(arabicIndic.parts()).containsExactly("\u0661", "\u0662");
        assertThat(arabicIndic.compare(WordfenceVersion.parse("dev"))).isEqualTo(-1);
    }

    @Test
    void compare_generatedVersions_isAntisymmetricAndReflexive() {
        List<String> versions = VersionPairs.versions(7L, 400);

        List<String> violations = new ArrayList<>();
        for (String first : versions) {
            if (WordfenceVersion.compare(first, first) != 0) {
                violations.add("'" + first + "' is not equal to itself");
            }
            for (String second : versions) {
                if (WordfenceVersion.compare(first, second)
                        != -WordfenceVersion.compare(second, first)) {
                    violations.add("'" + first + "' vs '" + second + "'");
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @Test
    void compare_generatedVersions_isTransitive() {
        List<String> versions = VersionPairs.versions(11L, 400);
        Random random = new Random(13L);

        List<String> violations = new ArrayList<>();
        for (int round = 0; round < 50_000; round++) {
            String first = versions.get(random.nextInt(versions.size()));
            String second = versions.get(random.nextInt(versions.size()));
            String third = versions.get(random.nextInt(versions.size()));
            int firstToSecond = WordfenceVersion.compare(first, second);
            int secondToThird = WordfenceVersion.compare(second, third);
            if (firstToSecond == secondToThird
                    && WordfenceVersion.compare(first, third) != firstToSecond) {
                violations.add("'" + first + "', '" + second + "', '" + third + "'");
            }
        }

        assertThat(violations).isEmpty();
    }

    private static String describe(WordfenceVersion version) {
        return version.parts().stream()
                .map(part -> !part.isEmpty() && part.chars().allMatch(c -> c >= '0' && c <= '9')
                        ? new BigInteger(part).toString()
                        : "'" + part + "'")
                .collect(Collectors.joining(" · "));
    }
}
