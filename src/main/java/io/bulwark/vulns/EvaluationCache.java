package io.bulwark.vulns;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records read and answers computed during one pass of evaluation. Many rows share a slug, and
 * many share a version too (WordPress core on every site), so a pass reads each slug's records
 * once and matches each distinct installed version once. Valid only while no record and no mute
 * changes; a pass over every site keeps one for its whole length (see {@link Reevaluation}).
 */
final class EvaluationCache {
    /** Bound on remembered answers; beyond it the answers start afresh. */
    private static final int MAX_OUTCOMES = 200_000;

    private final Map<String, List<Candidate>> candidates = new HashMap<>();
    private final Map<String, RowEvaluator.Outcome> outcomes = new HashMap<>();

    /** The records of each slug key read so far. */
    Map<String, List<Candidate>> candidates() {
        return candidates;
    }

    /** The answer for {@code key}, computed once. */
    RowEvaluator.Outcome outcome(String key, Supplier<RowEvaluator.Outcome> compute) {
        RowEvaluator.Outcome known = outcomes.get(key);
        if (known != null) {
            return known;
        }
        if (outcomes.size() >= MAX_OUTCOMES) {
            outcomes.clear();
        }
        RowEvaluator.Outcome outcome = compute.get();
        outcomes.put(key, outcome);
        return outcome;
    }
}
