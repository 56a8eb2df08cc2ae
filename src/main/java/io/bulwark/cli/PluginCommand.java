package io.bulwark.cli;

import io.bulwark.App;
import io.bulwark.pluginzip.PluginZips;
import io.bulwark.web.WireTimes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code bulwark plugin import FILE.zip}: stores the template of the per-site plugin zips. */
@Command(name = "plugin", mixinStandardHelpOptions = true,
        description = "Manage the WordPress plugin template.",
        subcommands = {PluginCommand.Import.class, PluginCommand.ListTemplates.class})
final class PluginCommand {
    @ParentCommand
    BulwarkCommand parent;

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every imported template; the newest is served.")
    static final class ListTemplates implements Runnable {
        @ParentCommand
        PluginCommand plugin;

        @Override
        public void run() {
            try (App app = plugin.parent.app(Map.of())) {
                System.out.printf("%-4s %-10s %-10s %-20s %s%n", "ID", "VERSION", "BYTES",
                        "IMPORTED (UTC)", "SHA-256");
                for (PluginZips.Imported each : app.pluginZips().list()) {
                    System.out.printf("%-4d %-10s %-10d %-20s %s%n", each.id(), each.version(),
                            each.sizeBytes(), WireTimes.plain(each.importedAt()), each.sha256());
                }
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import the official plugin zip; the newest import is served.")
    static final class Import implements Runnable {
        @ParentCommand
        PluginCommand plugin;

        @Parameters(paramLabel = "FILE.zip", description = "The plugin zip (folder patchstack/).")
        Path file;

        @Override
        public void run() {
            byte[] zip;
            try {
                zip = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            try (App app = plugin.parent.app(Map.of())) {
                PluginZips.Imported imported = app.pluginZips().importZip(zip);
                System.out.printf("Imported plugin template %d: version %s, %d bytes, sha256 %s%n",
                        imported.id(), imported.version(), imported.sizeBytes(),
                        imported.sha256());
            }
        }
    }
}
