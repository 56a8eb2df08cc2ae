package io.bulwark.vulns;

import java.util.List;
import java.util.Objects;

/**
 * A stored record with the entries it files under one slug key, and the flags that decide
 * whether its match raises the row's state.
 *
 * @param source the record's feed
 * @param recordId its id there
 * @param informational whether it is informational (stored and shown, never flagging)
 * @param muted whether an operator muted it (shown as muted, never flagging)
 * @param entries its software entries under the slug key; copied
 */
record Candidate(FeedFormat source, String recordId, boolean informational, boolean muted,
        List<FeedEntry> entries) {
    Candidate {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordId, "recordId");
        entries = List.copyOf(entries);
    }

    boolean flags() {
        return !informational && !muted;
    }
}
