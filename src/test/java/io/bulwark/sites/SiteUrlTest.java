package io.bulwark.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.errors.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SiteUrlTest {
    @ParameterizedTest
    @CsvSource({
        "https://example.com, example.com",
        "http://WWW.Example.COM/, example.com",
        "https://www.www.example.com, www.example.com",
        "https://example.com./blog//, example.com/blog",
        "https://example.com/Blog, example.com/Blog",
        "https://example.com:443/a, example.com/a",
        "http://example.com:443/a, example.com:443/a",
        "https://example.com:8443, example.com:8443",
        "https://example.com/shop?x=1#top, example.com/shop",
        "https://bücher.example/, xn--bcher-kva.example",
        "http://192.0.2.7:8080/wp, 192.0.2.7:8080/wp",
        "http://intranet, intranet"
    })
    void normalize_variants_giveTheDocumentedForm(String url, String expected) {
        assertThat(SiteUrl.normalize(url)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com", "example.com", "https://", "https://u:p@x.com",
        "https://exa mple.com", "mailto:a@example.com", "https://x.com/\u0001", "http:///path"})
    void validate_invalidUrl_answersTheRule(String url) {
        assertThatThrownBy(() -> SiteUrl.validate(url))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The url must be a valid URL.");
    }
}
