package io.bulwark.vulns.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Version strings and pairs for property and differential tests: random combinations of the
 * pieces that make version comparison hard, and the real strings of the shared test data.
 */
final class VersionPairs {
    private static final String[] TOKENS = {
        "0", "1", "2", "3", "9", "10", "01", "007", "20220202", "9223372036854775807",
        "9223372036854775808", "99999999999999999999", "rc", "RC", "Rc", "beta", "b", "Beta",
        "BETA", "betax", "alpha", "a", "Alpha", "dev", "DEV", "development", "pl", "p", "patch",
        "pre", "preview", "#", "#N#", "x", "e", "foo", "bar", "build", "decaf", "z", "é", "ü",
        "ñ1", " ", "~rc", "(beta)", "v", "V", ""};
    private static final String[] SEPARATORS = {
        ".", ".", ".", "-", "_", "+", "", "", "..", ".-", "-.", "~", " ", "/", "*"};
    private static final List<String> PROBES = List.of("1.0", "1.0.0", "", "v1.0", "1.0-beta");
    private static final Pattern YAML_VERSION = Pattern.compile(
            "(?:FirstVersion|LastVersion): ('(?:[^']|'')*'|[^,}]*)");
    private static final Pattern PLAIN_VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private VersionPairs() {
    }

    /** Two versions to compare. */
    record Pair(String first, String second) {
        String describe() {
            return "'" + first + "' vs '" + second + "'";
        }
    }

    static List<Pair> generated(long seed, int count) {
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String first = version(random);
            String second = random.nextInt(4) == 0 ? mutate(first, random) : version(random);
            pairs.add(new Pair(first, second));
        }
        return pairs;
    }

    static List<String> versions(long seed, int count) {
        Random random = new Random(seed);
        List<String> versions = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            versions.add(version(random));
        }
        return versions;
    }

    /**
     * Pairs built from the legacy vulnerability list, the WordPress.org release logs and the
     * non-numeric latest versions of every WordPress.org plugin and theme.
     */
    static List<Pair> fromSharedData(Path dataDirectory) throws IOException {
        Path legacy = dataDirectory.resolve("legacy-vulns/plugin-vulnerabilities-2015-08-10.yaml");
        Path wporg = dataDirectory.resolve("wporg");
        if (!Files.isReadable(legacy) || !Files.isDirectory(wporg)) {
            throw new IOException("Shared test data missing: expected " + legacy.toAbsolutePath()
                    + " and " + wporg.toAbsolutePath());
        }
        List<Pair> pairs = new ArrayList<>();
        Set<String> pool = new LinkedHashSet<>();
        for (String line : Files.readAllLines(legacy, StandardCharsets.UTF_8)) {
            List<String> values = new ArrayList<>();
            Matcher matcher = YAML_VERSION.matcher(line);
            while (matcher.find()) {
                values.add(yamlScalar(matcher.group(1)));
            }
            if (values.size() == 2) {
                pairs.add(new Pair(values.get(0), values.get(1)));
            }
            pool.addAll(values);
        }
        readReleaseLog(wporg.resolve("plugin-releases.csv"), pairs, pool);
        readReleaseLog(wporg.resolve("theme-releases.csv"), pairs, pool);
        readCoreReleases(wporg.resolve("core-releases.csv"), pairs, pool);
        readOddLatestVersions(wporg.resolve("latest-versions.json.gz"), pool);

        Random random = new Random(pool.size());
        List<String> pooled = new ArrayList<>(pool);
        for (String version : pooled) {
            pairs.add(new Pair(version, version));
            pairs.add(new Pair(version, pooled.get(random.nextInt(pooled.size()))));
            pairs.add(new Pair(pooled.get(random.nextInt(pooled.size())), version));
            for (String probe : PROBES) {
                pairs.add(new Pair(version, probe));
            }
        }
        return pairs;
    }

    private static void readReleaseLog(Path csv, List<Pair> pairs, Set<String> pool)
            throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = csvFields(line);
            String version = fields.get(2);
            String previous = fields.get(3);
            pool.add(version);
            if (!previous.isEmpty()) {
                pool.add(previous);
                pairs.add(new Pair(previous, version));
            }
        }
    }

    private static void readCoreReleases(Path csv, List<Pair> pairs, Set<String> pool)
            throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String previous = "";
        for (String line : lines.subList(1, lines.size())) {
            String version = csvFields(line).get(0);
            pool.add(version);
            pairs.add(new Pair(previous, version));
            previous = version;
        }
    }

    private static void readOddLatestVersions(Path gzip, Set<String> pool) throws IOException {
        try (InputStream input = new GZIPInputStream(Files.newInputStream(gzip))) {
            JsonNode root = new ObjectMapper().readTree(input);
            for (String kind : List.of("plugins", "themes")) {
                for (JsonNode version : root.path(kind)) {
                    if (!PLAIN_VERSION.matcher(version.asText()).matches()) {
                        pool.add(version.asText());
                    }
                }
            }
        }
    }

    private static String version(Random random) {
        StringBuilder version = new StringBuilder();
        int roll = random.nextInt(100);
        if (roll < 3) {
            return "";
        }
        if (roll < 15) {
            version.append(random.nextBoolean() ? "v" : "V");
        } else if (roll < 19) {
            version.append('#');
        } else if (roll < 24) {
            version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        int tokens = 1 + random.nextInt(6);
        for (int index = 0; index < tokens; index++) {
            if (index > 0) {
                version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            boolean number = random.nextInt(3) > 0;
            version.append(number
                    ? TOKENS[random.nextInt(12)]
                    : TOKENS[random.nextInt(TOKENS.length)]);
        }
        if (random.nextInt(10) == 0) {
            version.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return version.toString();
    }

    private static String mutate(String version, Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> version + ".0";
            case 1 -> version.replace('-', '_');
            case 2 -> version.replace('.', '+');
            case 3 -> version.toLowerCase(Locale.ROOT);
            case 4 -> version + TOKENS[12 + random.nextInt(20)];
            default -> version;
        };
    }

    private static String yamlScalar(String raw) {
        String value = raw.strip();
        if (value.startsWith("'") && value.endsWith("'") && value.length() >= 2) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }

    /** Splits one RFC 4180 line; the release logs have no line breaks inside fields. */
    private static List<String> csvFields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int index = 0; index < line.length(); index++) {
            char current = line.charAt(index);
            if (quoted && current == '"' && index + 1 < line.length()
                    && line.charAt(index + 1) == '"') {
                field.append('"');
                index++;
            } else if (current == '"') {
                quoted = !quoted;
            } else if (current == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(current);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
