package io.bulwark.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes times: always UTC and saying so, as the plugin and the API count. */
final class TimeText {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT_DAY =
            DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private TimeText() {
    }

    /** {@code 2026-12-04 16:37 UTC}. */
    static String minute(Instant instant) {
        return MINUTE.format(instant);
    }

    /** {@code 2026-12-04 16:37:05}, for tables whose heading says UTC. */
    static String second(Instant instant) {
        return SECOND.format(instant);
    }

    /** {@code Dec 4}, for chart axes. */
    static String shortDay(LocalDate day) {
        return SHORT_DAY.format(day);
    }

    /** {@code 3 hours ago}; times in the future (clock skew between nodes) read "just now". */
    static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return plural(age.toMinutes(), "minute") + " ago";
        }
        if (age.toDays() < 2) {
            return plural(age.toHours(), "hour") + " ago";
        }
        return plural(age.toDays(), "day") + " ago";
    }

    static String plural(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}
