package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class HtmlEntitiesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Forms &amp; More|Forms & More",
        "A &#8211; B|A \u2013 B",
        "A &#x2013; B &#X2014;|A \u2013 B \u2014",
        "&lt;b&gt; &quot;x&quot; &apos;y&apos;|<b> \"x\" 'y'",
        "It&rsquo;s &hellip;|It\u2019s \u2026",
        "&amp;lt;|&lt;",
        "&unknown; &#0; &#xD800; &#99999999;|&unknown; &#0; &#xD800; &#99999999;",
        "Fish & Chips &amp|Fish & Chips &amp"})
    void decode_text_decodesKnownEntitiesOnce(String encoded, String decoded) {
        String result = HtmlEntities.decode(encoded);

        assertThat(result).isEqualTo(decoded);
    }
}
