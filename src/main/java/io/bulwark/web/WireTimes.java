package io.bulwark.web;

import io.bulwark.errors.InvalidInputException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The Hosting API's two time formats, always UTC. */
public final class WireTimes {
    private static final DateTimeFormatter ISO_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter PLAIN = DateTimeFormatter.ofPattern(
            "uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

    private WireTimes() {
    }

    /** {@code 2017-10-19T00:00:00.000000Z}. */
    public static String iso(Instant instant) {
        return ISO_MICROS.format(instant);
    }

    /** {@code 2017-10-19 00:00:00}. */
    public static String plain(Instant instant) {
        return PLAIN.format(instant);
    }

    /** {@code 2017-10-19}. */
    public static String day(Instant instant) {
        return DAY.format(instant);
    }

    /** Parses {@code Y-m-d H:i:s} (UTC) for field {@code field}, or answers 422. */
    public static Instant parsePlain(String field, String value) {
        try {
            return LocalDateTime.parse(value, PLAIN).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("The " + Fields.label(field)
                    + " does not match the format Y-m-d H:i:s.");
        }
    }
}
