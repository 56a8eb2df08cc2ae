package io.bulwark.portal;

import io.bulwark.sites.SiteView;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the blocked-requests bar chart, computed here so the template only draws.
 * Coordinates are whole units of the SVG's view box, which the browser scales to the page; the
 * site page draws a wide and a compact chart and shows the one that suits the screen, so the
 * axis text stays readable on a phone.
 *
 * @param width the view box's width
 * @param height the view box's height
 * @param days the days charted, oldest first
 * @param bars one bar per day, zero-height on days without blocks
 * @param gridLines the horizontal lines with their value labels, bottom up
 * @param dayLabels the few day names written under the axis
 * @param total blocked requests over all charted days
 */
public record AttackChart(int width, int height, List<SiteView.AttackDay> days, List<Bar> bars,
        List<GridLine> gridLines, List<DayLabel> dayLabels, long total) {
    /** The view box width of the chart for wide screens. */
    public static final int WIDE = 960;
    /** The view box width of the chart for phones. */
    public static final int COMPACT = 360;
    static final int HEIGHT = 220;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    static final int PLOT_HEIGHT = HEIGHT - TOP - BOTTOM;

    public AttackChart {
        days = List.copyOf(days);
        bars = List.copyOf(bars);
        gridLines = List.copyOf(gridLines);
        dayLabels = List.copyOf(dayLabels);
    }

    /** One day's bar; {@code label} is the text of its tooltip. */
    public record Bar(int x, int y, int width, int height, String label) {
    }

    /** A horizontal line at {@code y} marking {@code value}. */
    public record GridLine(int y, long value) {
    }

    /** A day name at {@code x}, anchored {@code start}, {@code middle} or {@code end}. */
    public record DayLabel(int x, String text, String anchor) {
    }

    /** The chart of {@code days} (at least one) in a view box {@code width} units wide. */
    public static AttackChart of(List<SiteView.AttackDay> days, int width) {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("A chart needs at least one day, got none");
        }
        long max = days.stream().mapToLong(SiteView.AttackDay::count).max().orElse(0);
        long step = niceStep(Math.max(1, (max + 3) / 4));
        long top = Math.max(step, (max + step - 1) / step * step);
        int left = plotLeft(width);
        int slot = (width - left - 4) / days.size();
        int barWidth = Math.max(1, slot * 3 / 4);

        List<Bar> bars = new ArrayList<>(days.size());
        List<DayLabel> labels = new ArrayList<>();
        int labelEvery = Math.max(1, days.size() / 4);
        for (int i = 0; i < days.size(); i++) {
            SiteView.AttackDay day = days.get(i);
            int barHeight = (int) Math.round((double) day.count() * PLOT_HEIGHT / top);
            int x = left + i * slot + (slot - barWidth) / 2;
            bars.add(new Bar(x, TOP + PLOT_HEIGHT - barHeight, barWidth, barHeight,
                    TimeText.shortDay(day.day()) + ": "
                            + TimeText.plural(day.count(), "blocked request")));
            boolean last = i == days.size() - 1;
            if (i % labelEvery == 0 && days.size() - 1 - i >= labelEvery / 2 || last) {
                String anchor = i == 0 ? "start" : last ? "end" : "middle";
                int labelX = i == 0 ? x : last ? x + barWidth : x + barWidth / 2;
                labels.add(new DayLabel(labelX, TimeText.shortDay(day.day()), anchor));
            }
        }

        List<GridLine> grid = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            grid.add(new GridLine(TOP + PLOT_HEIGHT - (int) (value * PLOT_HEIGHT / top), value));
        }
        long total = days.stream().mapToLong(SiteView.AttackDay::count).sum();
        return new AttackChart(width, HEIGHT, days, bars, grid, labels, total);
    }

    /** The smallest of 1, 2, 5, 10, 20, 50, ... that is at least {@code atLeast}. */
    static long niceStep(long atLeast) {
        long magnitude = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (factor * magnitude >= atLeast) {
                    return factor * magnitude;
                }
            }
            magnitude *= 10;
        }
    }

    /** Where the plot starts: room for the value labels, narrower on the compact chart. */
    public int plotLeft() {
        return plotLeft(width);
    }

    /** The x coordinate where the value labels end. */
    public int labelRight() {
        return plotLeft() - 6;
    }

    /** The baseline of the day labels. */
    public int dayLabelY() {
        return height - 8;
    }

    /** The total in words: {@code 1 blocked request}, {@code 12 blocked requests}. */
    public String totalText() {
        return TimeText.plural(total, "blocked request");
    }

    /** The first and last day charted, as {@code 2026-11-03 to 2026-12-04}. */
    public String span() {
        return days.get(0).day() + " to " + days.get(days.size() - 1).day();
    }

    private static int plotLeft(int width) {
        return width >= WIDE ? 44 : 32;
    }
}
