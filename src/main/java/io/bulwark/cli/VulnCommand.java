package io.bulwark.cli;

import io.bulwark.App;
import io.bulwark.vulns.FeedFormat;
import io.bulwark.vulns.Mutes;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bulwark vuln mute|mutes|unmute}: silence a vulnerability record for all sites. */
@Command(name = "vuln", mixinStandardHelpOptions = true,
        description = "Mute vulnerability records for all sites.",
        subcommands = {VulnCommand.Mute.class, VulnCommand.ListMutes.class,
            VulnCommand.Unmute.class, VulnCommand.Reevaluate.class})
final class VulnCommand {
    @ParentCommand
    BulwarkCommand parent;

    /** The {@code --source} option shared by mute and unmute. */
    static final class SourceOption {
        @Option(names = "--source",
                description = "wordfence or patchstack, when the id is in both feeds.")
        String source;

        Optional<FeedFormat> format() {
            return Optional.ofNullable(source).map(FeedFormat::of);
        }
    }

    @Command(name = "mute", mixinStandardHelpOptions = true,
            description = "Mute a record: its matches stay visible, marked muted, and set no "
                    + "flag.")
    static final class Mute implements Runnable {
        @ParentCommand
        VulnCommand vuln;

        @Parameters(paramLabel = "ID", description = "The record id (Wordfence UUID or "
                + "Patchstack id).")
        String id;

        @Option(names = "--reason", required = true, description = "Why it is muted.")
        String reason;

        @picocli.CommandLine.Mixin
        SourceOption source;

        @Override
        public void run() {
            try (App app = vuln.parent.app(Map.of())) {
                Mutes.Mute mute = app.mutes().mute(id, source.format(), reason);
                System.out.printf("Muted %s record %s (%s).%n", mute.source().label(),
                        mute.recordId(), mute.title());
                reevaluate(app);
            }
        }
    }

    @Command(name = "mutes", mixinStandardHelpOptions = true, description = "List mutes.")
    static final class ListMutes implements Runnable {
        @ParentCommand
        VulnCommand vuln;

        @Override
        public void run() {
            try (App app = vuln.parent.app(Map.of())) {
                System.out.printf("%-10s %-36s %-27s %s%n", "SOURCE", "ID", "MUTED AT",
                        "REASON / TITLE");
                for (Mutes.Mute mute : app.mutes().list()) {
                    System.out.printf("%-10s %-36s %-27s %s / %s%n", mute.source().label(),
                            mute.recordId(), mute.mutedAt(), mute.reason(),
                            mute.title().isEmpty() ? "(no longer in the feed)" : mute.title());
                }
            }
        }
    }

    @Command(name = "unmute", mixinStandardHelpOptions = true, description = "Lift a mute.")
    static final class Unmute implements Runnable {
        @ParentCommand
        VulnCommand vuln;

        @Parameters(paramLabel = "ID", description = "The record id.")
        String id;

        @picocli.CommandLine.Mixin
        SourceOption source;

        @Override
        public void run() {
            try (App app = vuln.parent.app(Map.of())) {
                app.mutes().unmute(id, source.format());
                System.out.printf("Unmuted record %s.%n", id);
                reevaluate(app);
            }
        }
    }

    @Command(name = "reevaluate", mixinStandardHelpOptions = true,
            description = "Evaluate every software row of every site afresh.")
    static final class Reevaluate implements Runnable {
        @ParentCommand
        VulnCommand vuln;

        @Override
        public void run() {
            try (App app = vuln.parent.app(Map.of())) {
                System.out.printf("Re-evaluated %d software rows.%n",
                        app.feedJobs().reevaluateAll().rows());
            }
        }
    }

    private static void reevaluate(App app) {
        app.feedJobs().reevaluateIfFree().ifPresentOrElse(
                result -> System.out.printf("Re-evaluated %d software rows.%n", result.rows()),
                () -> System.out.println("Another node is running feed work; the affected rows "
                        + "stay queued and are re-evaluated by the next feed job."));
    }
}
