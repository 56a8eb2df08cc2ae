package io.bulwark;

import io.bulwark.cli.BulwarkCommand;

/** Entry point of the jar and the launcher: {@code bulwark <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int exitCode = BulwarkCommand.commandLine(System.getenv()).execute(args);
        if (exitCode != 0 || !isServe(args)) {
            System.exit(exitCode);
        }
    }

    private static boolean isServe(String[] args) {
        return args.length > 0 && "serve".equals(args[0]);
    }
}
