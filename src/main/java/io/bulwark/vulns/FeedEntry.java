package io.bulwark.vulns;

import io.bulwark.vulns.matching.PatchstackRecord;
import io.bulwark.vulns.matching.WordfenceSoftware;
import java.util.Objects;

/**
 * One software entry of a feed record, in its source's own terms: the ranges are never
 * converted from one source's grammar into the other's.
 */
public sealed interface FeedEntry {
    /** {@code plugin}, {@code theme} or {@code core}; Wordfence may name other types. */
    String type();

    /** The slug as published. */
    String slug();

    /** The product name as published, or empty. */
    String name();

    /**
     * A Wordfence entry: its intervals and patched versions.
     *
     * @param name the product name as published
     * @param software type, slug, intervals and patched versions
     */
    record Wordfence(String name, WordfenceSoftware software) implements FeedEntry {
        /** @throws NullPointerException if a component is null */
        public Wordfence {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(software, "software");
        }

        @Override
        public String type() {
            return software.type();
        }

        @Override
        public String slug() {
            return software.slug();
        }
    }

    /**
     * A Patchstack record's product with its {@code affected_in} and branch ranges.
     *
     * @param type {@code plugin}, {@code theme} or {@code core}, from {@code product_type}
     * @param name {@code product_name}, or empty
     * @param record slug, premium name, ranges and fix
     */
    record Patchstack(String type, String name, PatchstackRecord record) implements FeedEntry {
        /** @throws NullPointerException if a component is null */
        public Patchstack {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(record, "record");
        }

        @Override
        public String slug() {
            return record.slug();
        }
    }
}
