package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

final class WordfenceMatcherTest {
    private static final WordfenceInterval UP_TO_4_0_2 =
            new WordfenceInterval("*", true, "4.0.2", true);
    private static final WordfenceInterval BRANCH_5 =
            new WordfenceInterval("5.0", true, "5.1.3", false);
    private static final WordfenceSoftware PLUGIN = new WordfenceSoftware("plugin", "backwpup",
            List.of(UP_TO_4_0_2), List.of("4.0.3"));
    private static final WordfenceSoftware PLUGIN_BRANCH = new WordfenceSoftware("plugin",
            "backwpup", List.of(BRANCH_5), List.of("5.1.3"));

    private final WordfenceMatcher matcher = new WordfenceMatcher();

    @Test
    void evaluate_versionInInterval_isVulnerableNamingEntryAndInterval() {
        WordfenceVerdict verdict = matcher.evaluate(List.of(PLUGIN), "plugin", "backwpup", "4.0");

        assertThat(verdict).isEqualTo(new WordfenceVerdict.Vulnerable(PLUGIN, UP_TO_4_0_2));
        assertThat(verdict.state()).isEqualTo(MatchState.VULNERABLE);
    }

    @Test
    void evaluate_entriesWithSameSlug_areAlternatives() {
        List<WordfenceSoftware> software = List.of(PLUGIN, PLUGIN_BRANCH);

        WordfenceVerdict branch = matcher.evaluate(software, "plugin", "backwpup", "5.1.2");
        WordfenceVerdict between = matcher.evaluate(software, "plugin", "backwpup", "4.5");

        assertThat(branch).isEqualTo(new WordfenceVerdict.Vulnerable(PLUGIN_BRANCH, BRANCH_5));
        assertThat(between).isEqualTo(new WordfenceVerdict.NotVulnerable());
        assertThat(between.state()).isEqualTo(MatchState.NOT_VULNERABLE);
    }

    @Test
    void evaluate_slugOrTypeDiffering_doesNotMatch() {
        List<WordfenceSoftware> software = List.of(PLUGIN);

        WordfenceVerdict upperCase = matcher.evaluate(software, "plugin", "BackWPup", "1.0");
        WordfenceVerdict theme = matcher.evaluate(software, "theme", "backwpup", "1.0");

        assertThat(upperCase).isEqualTo(new WordfenceVerdict.NotVulnerable());
        assertThat(theme).isEqualTo(new WordfenceVerdict.NotVulnerable());
    }

    @Test
    void evaluate_emptyOrBlankVersion_isUnknown() {
        List<WordfenceSoftware> software = List.of(PLUGIN);

        WordfenceVerdict empty = matcher.evaluate(software, "plugin", "backwpup", "");
        WordfenceVerdict blank = matcher.evaluate(software, "plugin", "backwpup", " \t\u00A0");

        assertThat(empty).isEqualTo(new WordfenceVerdict.Unknown("the installed version is empty"));
        assertThat(blank).isEqualTo(empty);
        assertThat(empty.state()).isEqualTo(MatchState.UNKNOWN);
    }

    @Test
    void evaluate_emptyVersionOfAnotherSlug_isNotVulnerable() {
        WordfenceVerdict verdict = matcher.evaluate(List.of(PLUGIN), "plugin", "akismet", "");

        assertThat(verdict).isEqualTo(new WordfenceVerdict.NotVulnerable());
    }

    @Test
    void evaluate_surroundingWhiteSpace_isTrimmedButLeadingVIsKept() {
        List<WordfenceSoftware> software = List.of(PLUGIN);

        WordfenceVerdict padded = matcher.evaluate(software, "plugin", "backwpup", " 4.0.2\n");
        WordfenceVerdict prefixed = matcher.evaluate(software, "plugin", "backwpup", "v9.0");

        assertThat(padded).isEqualTo(new WordfenceVerdict.Vulnerable(PLUGIN, UP_TO_4_0_2));
        assertThat(prefixed).isEqualTo(new WordfenceVerdict.Vulnerable(PLUGIN, UP_TO_4_0_2));
    }

    @Test
    void evaluate_coreOnlyAsWordpressAndWpmuNever() {
        WordfenceSoftware core = new WordfenceSoftware("core", "wordpress", List.of(UP_TO_4_0_2),
                List.of());
        WordfenceSoftware wpmu = new WordfenceSoftware("wpmu", "wordpress", List.of(UP_TO_4_0_2),
                List.of());

        WordfenceVerdict coreVerdict = matcher.evaluate(List.of(wpmu, core), "core", "wordpress",
                "3.9");
        WordfenceVerdict wpmuOnly = matcher.evaluate(List.of(wpmu), "core", "wordpress", "3.9");

        assertThat(coreVerdict).isEqualTo(new WordfenceVerdict.Vulnerable(core, UP_TO_4_0_2));
        assertThat(wpmuOnly).isEqualTo(new WordfenceVerdict.NotVulnerable());
    }

    @Test
    void evaluate_entryWithoutIntervals_matchesNothing() {
        WordfenceSoftware empty = new WordfenceSoftware("plugin", "backwpup", List.of(),
                List.of());

        WordfenceVerdict verdict = matcher.evaluate(List.of(empty), "plugin", "backwpup", "1.0");

        assertThat(verdict).isEqualTo(new WordfenceVerdict.NotVulnerable());
    }

    @Test
    void evaluate_installedTypeNotCovered_throwsNamingIt() {
        assertThatThrownBy(() -> matcher.evaluate(List.of(PLUGIN), "php", "php", "8.2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Installed type 'php' is not one Wordfence records cover: core, plugin "
                        + "or theme");
    }
}
