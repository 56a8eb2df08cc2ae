package io.bulwark.db;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Conversion between {@link Instant} and the stored form, microseconds since the epoch. */
public final class Times {
    private Times() {
    }

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    public static Instant fromMicros(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
