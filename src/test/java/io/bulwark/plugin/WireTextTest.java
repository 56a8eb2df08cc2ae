package io.bulwark.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireTextTest {
    @Test
    void clean_controlCharactersAndLoneSurrogates_areRemovedOrReplaced() {
        assertThat(WireText.clean("a\u0000b\nc\u007fd\u0085e", 100)).isEqualTo("abcde");
        assertThat(WireText.clean("x\ud800y", 100)).isEqualTo("x\ufffdy");
        assertThat(WireText.clean("ok \ud83d\ude00", 100)).isEqualTo("ok \ud83d\ude00");
    }

    @Test
    void clip_insideASurrogatePair_cutsBeforeThePair() {
        assertThat(WireText.clip("ab\ud83d\ude00", 3)).isEqualTo("ab");
        assertThat(WireText.clip("abcdef", 4)).isEqualTo("abcd");
        assertThat(WireText.clip("abc", 4)).isEqualTo("abc");
    }

    @Test
    void clipUtf8_insideAMultiByteCharacter_cutsBeforeIt() {
        String text = "a".repeat(10) + "\u00e9\u00e9";

        assertThat(WireText.clipUtf8(text, 11)).isEqualTo("a".repeat(10));
        assertThat(WireText.clipUtf8(text, 12)).isEqualTo("a".repeat(10) + "\u00e9");
        assertThat(WireText.clipUtf8(text, 14)).isEqualTo(text);
    }
}
