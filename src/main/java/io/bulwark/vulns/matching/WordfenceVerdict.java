package io.bulwark.vulns.matching;

import java.util.Objects;

/** The answer of {@link WordfenceMatcher#evaluate} for one record and one installed item. */
public sealed interface WordfenceVerdict {
    /** The state this answer stands for. */
    MatchState state();

    /**
     * The record affects the installed item.
     *
     * @param software the first software entry, in record order, with an interval containing
     *     the version; its {@code patchedVersions} are the fixes to show
     * @param interval the first of its intervals that contains the version
     */
    record Vulnerable(WordfenceSoftware software, WordfenceInterval interval)
            implements WordfenceVerdict {
        /** @throws NullPointerException if a component is null */
        public Vulnerable {
            Objects.requireNonNull(software, "software");
            Objects.requireNonNull(interval, "interval");
        }

        @Override
        public MatchState state() {
            return MatchState.VULNERABLE;
        }
    }

    /** The record has no entry for the item, or none of its intervals contains the version. */
    record NotVulnerable() implements WordfenceVerdict {
        @Override
        public MatchState state() {
            return MatchState.NOT_VULNERABLE;
        }
    }

    /**
     * The record is about the item, but no answer is possible.
     *
     * @param reason why, for people
     */
    record Unknown(String reason) implements WordfenceVerdict {
        /** @throws NullPointerException if {@code reason} is null */
        public Unknown {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public MatchState state() {
            return MatchState.UNKNOWN;
        }
    }
}
