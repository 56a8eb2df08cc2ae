package io.bulwark.vulns.matching;

import java.util.Objects;

/** The answer of {@link PatchstackMatcher#evaluate} for one record and one installed version. */
public sealed interface PatchstackVerdict {
    /** The state this answer stands for. */
    MatchState state();

    /**
     * The record affects the installed version.
     *
     * @param fixedIn the fix of the branch range that matched, or the record's {@code fixed_in}
     *     when {@code affected_in} matched; empty when not recorded
     */
    record Vulnerable(String fixedIn) implements PatchstackVerdict {
        /** @throws NullPointerException if {@code fixedIn} is null */
        public Vulnerable {
            Objects.requireNonNull(fixedIn, "fixedIn");
        }

        @Override
        public MatchState state() {
            return MatchState.VULNERABLE;
        }
    }

    /** The record does not affect the installed version. */
    record NotVulnerable() implements PatchstackVerdict {
        @Override
        public MatchState state() {
            return MatchState.NOT_VULNERABLE;
        }
    }

    /**
     * No answer: the library would say "not vulnerable", but only because it cannot tell.
     *
     * @param reason why, for people
     */
    record Unknown(String reason) implements PatchstackVerdict {
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
