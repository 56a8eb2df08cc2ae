package io.bulwark.vulns.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Debian's {@code php} CLI once on thousands of version pairs and checks that
 * {@link PhpVersionCompare} answers exactly as PHP's {@code version_compare} does, with and
 * without every operator spelling, and that {@link PatchstackStrategy#DECIMAL_NORMALIZED} agrees
 * with the same padding done in PHP. The pairs are generated ({@link VersionPairs#generated}) and
 * taken from the real, messy version strings under {@code ../shared/data}
 * ({@link SharedVersionData}).
 */
final class PhpVersionCompareDifferentialTest {
    private static final Path PHP = Path.of("/usr/bin/php");
    private static final List<String> OPERATORS = List.of(
            "<", "lt", "<=", "le", ">", "gt", ">=", "ge", "==", "=", "eq", "!=", "<>", "ne");
    /**
     * Prints, per pair, {@code version_compare(a, b)}, the fourteen operator answers, and
     * {@code version_compare} after the decimal padding of Patchstack's {@code DecimalComparator}
     * (transcribed from patchstack-apis.md §4.2; {@code ctype_digit} is spelled as a regular
     * expression because {@code php -n} loads no ctype extension).
     */
    private static final String PHP_SCRIPT = """
            function decimal_pad(string $a, string $b): array {
                $first = explode('.', $a);
                $second = explode('.', $b);
                $count = max(count($first), count($second));
                $first = array_pad($first, $count, '0');
                $second = array_pad($second, $count, '0');
                for ($i = 0; $i < $count; $i++) {
                    if (preg_match('/\\A[0-9]+\\z/', $first[$i])
                            && preg_match('/\\A[0-9]+\\z/', $second[$i])) {
                        $width = max(strlen($first[$i]), strlen($second[$i]));
                        $first[$i] = str_pad($first[$i], $width, '0', STR_PAD_RIGHT);
                        $second[$i] = str_pad($second[$i], $width, '0', STR_PAD_RIGHT);
                    }
                }
                return [implode('.', $first), implode('.', $second)];
            }
            $ops = ['<', 'lt', '<=', 'le', '>', 'gt', '>=', 'ge', '==', '=', 'eq', '!=', '<>',
                'ne'];
            $out = fopen($argv[2], 'w');
            foreach (file($argv[1], FILE_IGNORE_NEW_LINES) as $line) {
                [$a, $b] = array_map('base64_decode', explode("\\t", $line));
                $bits = '';
                foreach ($ops as $op) {
                    $bits .= version_compare($a, $b, $op) ? '1' : '0';
                }
                [$decimalA, $decimalB] = decimal_pad($a, $b);
                fwrite($out, version_compare($a, $b) . "\\t" . $bits . "\\t"
                    . version_compare($decimalA, $decimalB) . "\\n");
            }
            fclose($out);
            """;

    @TempDir
    Path workDirectory;

    @Test
    void compare_generatedAndRealPairs_agreesWithPhp() throws Exception {
        Path sharedData = Path.of("..", "shared", "data");
        List<VersionPairs.Pair> realPairs = SharedVersionData.pairs(sharedData);
        List<VersionPairs.Pair> pairs = new ArrayList<>(VersionPairs.generated(20260412L, 4000));
        pairs.addAll(realPairs);

        List<String> phpAnswers = runPhp(pairs);

        List<String> disagreements = new ArrayList<>();
        for (int index = 0; index < pairs.size(); index++) {
            VersionPairs.Pair pair = pairs.get(index);
            String javaAnswer = javaAnswer(pair);
            if (!javaAnswer.equals(phpAnswers.get(index))) {
                disagreements.add(pair.describe() + ": php " + phpAnswers.get(index)
                        + ", java " + javaAnswer);
            }
        }
        System.out.printf("PhpVersionCompareDifferentialTest: %d pairs, %d from shared data%n",
                pairs.size(), realPairs.size());
        assertThat(realPairs).hasSizeGreaterThan(10_000);
        if (!disagreements.isEmpty()) {
            fail("Java disagrees with php on %d of %d pairs (answers: compare, the operators "
                    + "%s, decimal compare); first ones:%n%s", disagreements.size(), pairs.size(),
                    OPERATORS, String.join("\n", disagreements.subList(0,
                            Math.min(50, disagreements.size()))));
        }
    }

    private List<String> runPhp(List<VersionPairs.Pair> pairs) throws IOException,
            InterruptedException {
        if (!Files.isExecutable(PHP)) {
            fail("The PHP CLI is missing at " + PHP + ": install php-cli "
                    + "(apt-get update && apt-get install -y php-cli); CI installs it");
        }
        Path input = workDirectory.resolve("pairs.tsv");
        Path output = workDirectory.resolve("answers.tsv");
        Path errors = workDirectory.resolve("php-stderr.txt");
        Base64.Encoder base64 = Base64.getEncoder();
        List<String> lines = new ArrayList<>();
        for (VersionPairs.Pair pair : pairs) {
            lines.add(base64.encodeToString(pair.first().getBytes(StandardCharsets.UTF_8)) + "\t"
                    + base64.encodeToString(pair.second().getBytes(StandardCharsets.UTF_8)));
        }
        Files.writeString(input, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);

        Process php = new ProcessBuilder(PHP.toString(), "-n", "-r", PHP_SCRIPT,
                input.toString(), output.toString())
                .redirectOutput(workDirectory.resolve("php-stdout.txt").toFile())
                .redirectError(errors.toFile())
                .start();
        if (!php.waitFor(2, TimeUnit.MINUTES)) {
            php.destroyForcibly();
            fail("php did not finish within 2 minutes");
        }
        assertThat(php.exitValue())
                .as("php exit code; stderr: %s", Files.readString(errors))
                .isZero();

        List<String> answers = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(answers).as("one php answer per pair").hasSameSizeAs(pairs);
        return answers;
    }

    private static String javaAnswer(VersionPairs.Pair pair) {
        StringBuilder bits = new StringBuilder();
        for (String operator : OPERATORS) {
            boolean holds = PhpVersionCompare.compare(pair.first(), pair.second(), operator);
            bits.append(holds ? '1' : '0');
        }
        int decimal = PatchstackStrategy.DECIMAL_NORMALIZED.compare(pair.first(), pair.second());
        return PhpVersionCompare.compare(pair.first(), pair.second()) + "\t" + bits + "\t"
                + decimal;
    }
}
