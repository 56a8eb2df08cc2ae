package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PhpCanonicalFormTest {
    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "1.0beta2+build_5|1/0/beta/2/build/5",
        "1..2|1/2",
        ".5|/5",
        "-1.0|-/1/0",
        "1.0.|1/0/",
        "\"1 2\"|1/ /2",
        "\"1.0 beta\"|\"1/0/ beta\"",
        "v1.0~rc1|v/1/0/~rc/1",
        "#1-2.x|#1-2/x",
        "1e1|1/e/1",
        "\"\"|\"\""})
    void parts_version_splitsCanonicalFormAtDots(String version, String expected) {
        List<String> parts = PhpCanonicalForm.parts(version);

        assertThat(String.join("/", parts)).isEqualTo(expected);
    }
}
