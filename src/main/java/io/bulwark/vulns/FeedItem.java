package io.bulwark.vulns;

import java.util.Objects;

/** What a feed reader makes of one record of the file: a usable record, or why it is not. */
public sealed interface FeedItem {
    /** The record's id in its feed, or its position ({@code #12}) when it has none. */
    String recordId();

    /** A record that can be stored. */
    record Accepted(FeedRecord record) implements FeedItem {
        /** @throws NullPointerException if {@code record} is null */
        public Accepted {
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String recordId() {
            return record.recordId();
        }
    }

    /**
     * A record that is skipped and reported; nothing of it is stored or guessed.
     *
     * @param recordId the record's id, or its position in the file
     * @param reason what is wrong, naming the field and the value found
     */
    record Rejected(String recordId, String reason) implements FeedItem {
        /** @throws NullPointerException if a component is null */
        public Rejected {
            Objects.requireNonNull(recordId, "recordId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
