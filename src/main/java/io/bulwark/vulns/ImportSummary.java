package io.bulwark.vulns;

import java.util.List;
import java.util.Objects;

/**
 * What one import did.
 *
 * @param format the feed format
 * @param read records found in the file, good and bad
 * @param added records stored for the first time
 * @param changed stored records whose content changed
 * @param unchanged stored records re-imported as they were
 * @param skipped records rejected, none of their content stored
 * @param examples the first few rejected records with their reasons; copied
 * @param pruned stored records deleted because the file no longer holds them
 * @param pruneNote why pruning was not done although asked for, or empty
 * @param problem why the file could not be read to its end, or empty when it was
 * @param complete whether this import made plugins, themes and core known
 */
public record ImportSummary(
        FeedFormat format,
        long read,
        long added,
        long changed,
        long unchanged,
        long skipped,
        List<FeedItem.Rejected> examples,
        long pruned,
        String pruneNote,
        String problem,
        boolean complete) {
    /** How many rejected records a summary lists. */
    public static final int EXAMPLES = 5;

    /** @throws NullPointerException if a component is null */
    public ImportSummary {
        Objects.requireNonNull(format, "format");
        examples = List.copyOf(examples);
        Objects.requireNonNull(pruneNote, "pruneNote");
        Objects.requireNonNull(problem, "problem");
    }

    /** Whether the file was read to its end. */
    public boolean parsedToEnd() {
        return problem.isEmpty();
    }
}
