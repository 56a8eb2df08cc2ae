package io.bulwark.vulns.matching;

import java.util.Objects;

/** The result of {@link WordfenceInterval#read}: an interval, or why there is none. */
public sealed interface WordfenceIntervalReading {
    /**
     * The interval object was complete and well-typed.
     *
     * @param interval the interval read
     */
    record Readable(WordfenceInterval interval) implements WordfenceIntervalReading {
        /** @throws NullPointerException if {@code interval} is null */
        public Readable {
            Objects.requireNonNull(interval, "interval");
        }
    }

    /**
     * The interval object cannot be used; the record holding it is skipped and reported.
     *
     * @param reason what is wrong, naming the key and the value found
     */
    record Unreadable(String reason) implements WordfenceIntervalReading {
        /** @throws NullPointerException if {@code reason} is null */
        public Unreadable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
