package io.bulwark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.bulwark.testing.TestDatabase;
import io.bulwark.vulns.WordfenceFeedWriter;
import io.bulwark.vulns.WordfenceFeedWriter.Record;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** {@code bulwark feed import} and {@code bulwark vuln ...} as an operator runs them. */
class FeedCommandTest {
    private static final String ID = "66666666-0000-0000-0000-000000000001";

    /** One command's exit code and output. */
    private record Run(int exitCode, String out, String err) {
    }

    @ParameterizedTest
    @MethodSource("io.bulwark.testing.TestDatabase#kinds")
    void feedAndVulnCommands_operatorSession_printSummariesAndExitCodes(String kind)
            throws IOException {
        TestDatabase database = TestDatabase.create(kind);
        Map<String, String> environment = new HashMap<>();
        environment.put("BULWARK_DB_URL", database.jdbcUrl());
        environment.put("BULWARK_DATA_DIR", database.dataDir().toString());
        environment.put("BULWARK_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
        Path feed = database.dataDir().resolve("feed.json");
        Files.writeString(feed, WordfenceFeedWriter.feed(Record.of(ID,
                WordfenceFeedWriter.plugin("carousel", "1.8", ""))));
        Path truncated = database.dataDir().resolve("truncated.json");
        Files.writeString(truncated, Files.readString(feed).substring(0, 100));

        Run imported = run(environment, "feed", "import", feed.toString(), "--format",
                "wordfence", "--complete");
        Run broken = run(environment, "feed", "import", truncated.toString(), "--format",
                "wordfence");
        Run badFormat = run(environment, "feed", "import", feed.toString(), "--format", "csv");
        Run muted = run(environment, "vuln", "mute", ID, "--reason", "vendor says unaffected");
        Run listed = run(environment, "vuln", "mutes");
        Run unmuted = run(environment, "vuln", "unmute", ID);
        Run missing = run(environment, "vuln", "unmute", ID);
        Run reevaluated = run(environment, "vuln", "reevaluate");

        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).isEqualTo("Read 1 wordfence records: 1 new, 0 changed, "
                + "0 unchanged, 0 skipped.\nComplete Wordfence import: plugins, themes and core "
                + "are known.\nRe-evaluated 0 software rows.\n");
        assertThat(imported.err()).doesNotContain("Reading feed");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("The import is not taken as the whole feed: The feed "
                + "is not "
                + "complete, valid JSON (at byte 100)");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).isEqualTo("bulwark: The feed format must be wordfence or "
                + "patchstack, got 'csv'\n");
        assertThat(muted.out()).isEqualTo("Muted wordfence record " + ID + " (Record " + ID
                + ").\nRe-evaluated 0 software rows.\n");
        assertThat(listed.out()).contains(ID).contains("vendor says unaffected / Record " + ID);
        assertThat(unmuted.out()).startsWith("Unmuted record " + ID + ".\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("bulwark: No muted record with id '" + ID + "'\n");
        assertThat(reevaluated.out()).isEqualTo("Re-evaluated 0 software rows.\n");
    }

    private static Run run(Map<String, String> environment, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            CommandLine commandLine = BulwarkCommand.commandLine(environment);
            commandLine.setErr(new PrintWriter(picocliErr, true));
            int exitCode = commandLine.execute(args);
            return new Run(exitCode, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8) + picocliErr);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
