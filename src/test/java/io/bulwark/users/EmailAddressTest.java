package io.bulwark.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "x@localhost",
        "o'brien@example.ie", "zoe@bücher.example", "a@xn--bcher-kva.example"})
    void isValid_validAddress_isTrue(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@@example.com", "a b@example.com",
        "a@-example.com", "a@example-.com", "a@example..com", "a@example.com.", "zoë@example.com"})
    void isValid_invalidAddress_isFalse(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
    }

    @Test
    void normalize_mixedCase_lowerCasesWithRootLocale() {
        assertThat(EmailAddress.normalize(" Ann.I@Example.COM ")).isEqualTo("ann.i@example.com");
    }
}
