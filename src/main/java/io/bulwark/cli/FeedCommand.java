package io.bulwark.cli;

import io.bulwark.App;
import io.bulwark.vulns.FeedFormat;
import io.bulwark.vulns.FeedImporter;
import io.bulwark.vulns.FeedItem;
import io.bulwark.vulns.FeedJobs;
import io.bulwark.vulns.ImportSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bulwark feed import FILE --format wordfence|patchstack}: vulnerability feeds. */
@Command(name = "feed", mixinStandardHelpOptions = true,
        description = "Import vulnerability feeds.",
        subcommands = FeedCommand.Import.class)
final class FeedCommand {
    @ParentCommand
    BulwarkCommand parent;

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a Wordfence Intelligence v2 or Patchstack feed file, then "
                    + "re-evaluate the software rows it changed.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        FeedCommand feed;

        @Parameters(paramLabel = "FILE", description = "The feed file (JSON).")
        Path file;

        @Option(names = "--format", required = true,
                description = "wordfence or patchstack.")
        String format;

        @Option(names = "--complete",
                description = "The file is the whole Wordfence feed: once it is read to its "
                        + "end, components without a record count as known.")
        boolean complete;

        @Option(names = "--prune",
                description = "Delete stored records of this feed that the file no longer "
                        + "holds (only if it was read to its end and holds at least half of "
                        + "them).")
        boolean prune;

        @Override
        public Integer call() {
            FeedFormat feedFormat = FeedFormat.of(format);
            long size = size(file);
            try (App app = feed.parent.app(Map.of())) {
                FeedJobs.Outcome outcome = importFile(app, feedFormat, size);
                print(System.out, outcome);
                return outcome.summary().parsedToEnd() ? 0 : 1;
            }
        }

        /** Imports the file; the progress display is closed before the summary is printed. */
        private FeedJobs.Outcome importFile(App app, FeedFormat feedFormat, long size) {
            try (InputStream input = new FeedProgress(new BufferedInputStream(
                    Files.newInputStream(file), 1 << 16), size, System.err,
                    System.console() != null)) {
                return app.feedJobs().importFeed(feedFormat, input,
                        new FeedImporter.Options(complete, prune));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }

        private static void print(PrintStream out, FeedJobs.Outcome outcome) {
            ImportSummary summary = outcome.summary();
            out.printf("Read %d %s records: %d new, %d changed, %d unchanged, %d skipped.%n",
                    summary.read(), summary.format().label(), summary.added(),
                    summary.changed(), summary.unchanged(), summary.skipped());
            for (FeedItem.Rejected example : summary.examples()) {
                out.printf("  skipped %s: %s%n", example.recordId(), example.reason());
            }
            if (summary.skipped() > summary.examples().size()) {
                out.printf("  ... and %d more skipped%n",
                        summary.skipped() - summary.examples().size());
            }
            if (!summary.parsedToEnd()) {
                out.println("The import is not taken as the whole feed: " + summary.problem());
                out.println("Valid records read were kept; nothing was deleted or marked "
                        + "complete.");
            }
            if (summary.pruned() > 0 || !summary.pruneNote().isEmpty()) {
                out.println(summary.pruneNote().isEmpty()
                        ? "Pruned " + summary.pruned() + " records no longer in the feed."
                        : "Not pruned: " + summary.pruneNote() + ".");
            }
            if (summary.complete()) {
                out.println("Complete Wordfence import: plugins, themes and core are known.");
            }
            out.printf("Re-evaluated %d software rows.%n", outcome.reevaluated().rows());
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the feed file " + file + ": "
                        + e.getMessage());
            }
        }
    }
}
