package io.bulwark.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bulwark.sites.SiteView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttackChartTest {
    private static final LocalDate FIRST = LocalDate.parse("2026-11-03");

    @Test
    void niceStep_roundsUpToOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(List.of(1L, 2L, 3L, 6L, 11L, 26L, 101L).stream()
                .map(AttackChart::niceStep)
                .toList()).containsExactly(1L, 2L, 5L, 10L, 20L, 50L, 200L);
    }

    @Test
    void of_32Days_drawsOneBarPerDayOnRoundGridLines() {
        List<SiteView.AttackDay> days = days(32);
        days.set(5, new SiteView.AttackDay(FIRST.plusDays(5), 8));
        days.set(31, new SiteView.AttackDay(FIRST.plusDays(31), 3));

        AttackChart chart = AttackChart.of(days, AttackChart.WIDE);

        assertThat(chart.bars()).hasSize(32);
        assertThat(chart.gridLines()).extracting(AttackChart.GridLine::value)
                .containsExactly(0L, 2L, 4L, 6L, 8L);
        assertThat(chart.bars().get(5)).isEqualTo(new AttackChart.Bar(187, 12, 21, 180,
                "Nov 8: 8 blocked requests"));
        assertThat(chart.bars().get(31).height()).isEqualTo(68);
        assertThat(chart.bars().get(0).height()).isZero();
        assertThat(chart.dayLabels()).extracting(AttackChart.DayLabel::text)
                .containsExactly("Nov 3", "Nov 11", "Nov 19", "Nov 27", "Dec 4");
        assertThat(chart.dayLabels()).extracting(AttackChart.DayLabel::anchor)
                .containsExactly("start", "middle", "middle", "middle", "end");
        assertThat(chart.totalText()).isEqualTo("11 blocked requests");
        assertThat(chart.span()).isEqualTo("2026-11-03 to 2026-12-04");
    }

    @Test
    void of_quietMonth_stillHasAScale() {
        AttackChart chart = AttackChart.of(days(32), AttackChart.COMPACT);

        assertThat(chart.gridLines()).extracting(AttackChart.GridLine::value)
                .containsExactly(0L, 1L);
        assertThat(chart.bars()).allSatisfy(bar -> assertThat(bar.height()).isZero());
        assertThat(chart.bars().get(31).x() + chart.bars().get(31).width())
                .isLessThanOrEqualTo(AttackChart.COMPACT);
        assertThat(chart.totalText()).isEqualTo("0 blocked requests");
    }

    @Test
    void of_noDays_isRefused() {
        assertThatThrownBy(() -> AttackChart.of(List.of(), AttackChart.WIDE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A chart needs at least one day, got none");
    }

    private static List<SiteView.AttackDay> days(int count) {
        List<SiteView.AttackDay> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            days.add(new SiteView.AttackDay(FIRST.plusDays(i), 0));
        }
        return days;
    }
}
