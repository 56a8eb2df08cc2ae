package io.bulwark.vulns;

import io.bulwark.errors.InvalidInputException;
import java.util.Locale;

/**
 * The two feed formats Bulwark imports. The label is also the {@code source} stored with every
 * record, so a record is always evaluated with the rules of the tool its publisher wrote it for.
 */
public enum FeedFormat {
    /** Wordfence Intelligence v2: one JSON object keyed by record UUID. */
    WORDFENCE("wordfence"),
    /** Patchstack's vulnerability list: {@code {"vulnerabilities": [...]}}. */
    PATCHSTACK("patchstack");

    private final String label;

    FeedFormat(String label) {
        this.label = label;
    }

    /** The lower-case name used on the command line, in configuration and in the database. */
    public String label() {
        return label;
    }

    /**
     * The format named {@code label}.
     *
     * @throws InvalidInputException if the label names no format
     */
    public static FeedFormat of(String label) {
        for (FeedFormat format : values()) {
            if (format.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidInputException("The feed format must be wordfence or patchstack, got '"
                + label + "'");
    }
}
