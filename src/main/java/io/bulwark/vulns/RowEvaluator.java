package io.bulwark.vulns;

import io.bulwark.vulns.matching.MatchState;
import io.bulwark.vulns.matching.PatchstackMatcher;
import io.bulwark.vulns.matching.PatchstackStrategy;
import io.bulwark.vulns.matching.PatchstackVerdict;
import io.bulwark.vulns.matching.WordfenceInterval;
import io.bulwark.vulns.matching.WordfenceMatcher;
import io.bulwark.vulns.matching.WordfenceSoftware;
import io.bulwark.vulns.matching.WordfenceVerdict;
import io.bulwark.vulns.matching.WordfenceVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides one software row's state from the stored records filed under its slug, each record
 * with the matcher of its own source (vulnerabilities.md §1, §4). Pure: no database access.
 */
public final class RowEvaluator {
    private final WordfenceMatcher wordfence = new WordfenceMatcher();
    private final PatchstackMatcher patchstack = new PatchstackMatcher(PatchstackStrategy.STANDARD);

    /**
     * The state of an installed version and the records that match it; the same for every row
     * with the same type, slug, name and version.
     */
    record Outcome(VulnerabilityState state, List<Hit> hits) {
        Outcome {
            hits = List.copyOf(hits);
        }
    }

    /**
     * A matching record.
     *
     * @param source the record's feed
     * @param recordId its id there
     * @param fixedIn the fix of the matching entry and interval or branch, or empty
     */
    record Hit(FeedFormat source, String recordId, String fixedIn) {
        RowMatch at(SoftwareRow row) {
            return new RowMatch(row.siteId(), row.position(), source, recordId, fixedIn);
        }
    }

    /**
     * Evaluates {@code row} against the records filed under its slug key.
     *
     * @param known whether a complete feed makes components without a record known
     */
    Outcome evaluate(SoftwareRow row, List<Candidate> candidates, boolean known) {
        Optional<SoftwareRow.Installed> installed = row.installed();
        if (installed.isEmpty() || row.version().isBlank()) {
            return new Outcome(VulnerabilityState.UNKNOWN, List.of());
        }

        List<Hit> hits = new ArrayList<>();
        boolean flagged = false;
        boolean undecided = false;
        for (Candidate candidate : candidates) {
            Verdict verdict = candidate.source() == FeedFormat.WORDFENCE
                    ? wordfence(candidate, installed.get(), row.version())
                    : patchstack(candidate, installed.get(), row);
            if (verdict.state() == MatchState.VULNERABLE) {
                hits.add(new Hit(candidate.source(), candidate.recordId(), verdict.fixedIn()));
                flagged |= candidate.flags();
            } else if (verdict.state() == MatchState.UNKNOWN) {
                undecided = true;
            }
        }

        VulnerabilityState state = flagged ? VulnerabilityState.VULNERABLE
                : undecided || !known ? VulnerabilityState.UNKNOWN
                : VulnerabilityState.NOT_VULNERABLE;
        return new Outcome(state, hits);
    }

    private Verdict wordfence(Candidate candidate, SoftwareRow.Installed installed,
            String version) {
        List<WordfenceSoftware> software = candidate.entries().stream()
                .map(entry -> ((FeedEntry.Wordfence) entry).software())
                .toList();
        WordfenceVerdict verdict = wordfence.evaluate(software, installed.type(),
                installed.slug(), version);
        if (verdict instanceof WordfenceVerdict.Vulnerable vulnerable) {
            return new Verdict(MatchState.VULNERABLE,
                    fixOf(vulnerable.software(), vulnerable.interval()));
        }
        return new Verdict(verdict.state(), "");
    }

    private Verdict patchstack(Candidate candidate, SoftwareRow.Installed installed,
            SoftwareRow row) {
        Verdict result = new Verdict(MatchState.NOT_VULNERABLE, "");
        for (FeedEntry entry : candidate.entries()) {
            FeedEntry.Patchstack product = (FeedEntry.Patchstack) entry;
            if (!product.type().equals(installed.type())
                    || !patchstack.applies(product.record(), installed.slug(), row.name())) {
                continue;
            }
            PatchstackVerdict verdict = patchstack.evaluate(product.record(), row.version());
            if (verdict instanceof PatchstackVerdict.Vulnerable vulnerable) {
                return new Verdict(MatchState.VULNERABLE, vulnerable.fixedIn());
            }
            if (verdict.state() == MatchState.UNKNOWN) {
                result = new Verdict(MatchState.UNKNOWN, "");
            }
        }
        return result;
    }

    /**
     * The first fixed version of the matched Wordfence interval: the lowest patched version of
     * the entry at or above the interval's upper bound and outside the interval. An interval
     * without an upper bound has no fix.
     */
    static String fixOf(WordfenceSoftware software, WordfenceInterval interval) {
        if (interval.toVersion().equals(WordfenceInterval.UNBOUNDED)) {
            return "";
        }
        String fix = "";
        for (String patched : software.patchedVersions()) {
            boolean above = WordfenceVersion.compare(patched, interval.toVersion()) >= 0
                    && !interval.contains(patched);
            if (above && (fix.isEmpty() || WordfenceVersion.compare(patched, fix) < 0)) {
                fix = patched;
            }
        }
        return fix;
    }

    private record Verdict(MatchState state, String fixedIn) {
    }
}
