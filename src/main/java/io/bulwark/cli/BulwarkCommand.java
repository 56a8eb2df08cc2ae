package io.bulwark.cli;

import io.bulwark.App;
import io.bulwark.config.Config;
import io.bulwark.config.ConfigException;
import io.bulwark.config.ConfigLoader;
import io.bulwark.crypto.Passwords;
import io.bulwark.errors.NotFoundException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The top-level {@code bulwark} command. Options shared by every subcommand name the database
 * and folders; each subcommand builds the same {@link App} as the server.
 */
@Command(name = "bulwark", mixinStandardHelpOptions = true, version = "Bulwark 0.1.0",
        description = "Self-hosted WordPress security server.",
        subcommands = {ServeCommand.class, ProviderCommand.class, PluginCommand.class})
public final class BulwarkCommand implements Runnable {
    private final Map<String, String> environment;

    @Option(names = "--db-url", scope = CommandLine.ScopeType.INHERIT,
            description = "JDBC URL (env BULWARK_DB_URL).")
    String databaseUrl;

    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT,
            description = "Data folder (env BULWARK_DATA_DIR).")
    String dataDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    BulwarkCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The command line for {@code environment}, with clean error output. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new BulwarkCommand(environment));
        commandLine.setExecutionExceptionHandler((error, line, parsed) -> {
            if (error instanceof ConfigException || error instanceof IllegalArgumentException
                    || error instanceof NotFoundException) {
                line.getErr().println("bulwark: " + error.getMessage());
                return 2;
            }
            if (error instanceof UncheckedIOException io) {
                line.getErr().println("bulwark: " + error.getMessage() + ": "
                        + io.getCause().getMessage());
                return 2;
            }
            throw error;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configuration from the environment with these command-line overrides. */
    Config config(Map<String, String> overrides) {
        Map<String, String> all = new HashMap<>(overrides);
        all.put("BULWARK_DB_URL", databaseUrl);
        all.put("BULWARK_DATA_DIR", dataDir);
        return ConfigLoader.load(environment, all);
    }

    /** The application wired as the server wires it. */
    App app(Map<String, String> overrides) {
        return new App(config(overrides), Clock.systemUTC(), new SecureRandom(), new Passwords());
    }
}
